package attentionbook.book;

import attentionbook.attention.HeadTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * {@code ```widget masking}: the scaled scores, the causal mask over them and the weights that
 * follow. State: the {@link AttentionWidgetState common inputs} plus "causal" (default true) and "scale".
 */
final class MaskingWidget implements WidgetKind {
    private static final Set<String> KEYS = AttentionWidgetState.keys("causal", "scale");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "masking");
        if (!body.has("causal")) {
            body.put("causal", true);
        }
        AttentionInputs in = AttentionWidgetState.inputs(body);
        ObjectNode out = AttentionWidgetState.common(body, in);
        AttentionWidgetState.switches(out, in);
        return out;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionTables t = AttentionWidgetState.tables(state);
        HeadTrace head = t.head();
        double shown = AttentionTables.span(head.scaled(), head.masked());
        return AttentionTables.row(t.grid(t.scaledName(), "scaled", head.scaled(), shown),
                t.grid(t.maskedName(), "masked", head.masked(), shown),
                t.weightsGrid("weights A", "weights", head.weights()));
    }
}
