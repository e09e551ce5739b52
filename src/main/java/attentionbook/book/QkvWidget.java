package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.HeadTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget qkv}: X projected into Q, K and V, and the scores they give. State: the
 * {@link AttentionWidgetState common inputs} plus "shared" (one matrix, wq, serves as Wq, Wk and Wv).
 * Its options list every preset, for the preset switch.
 */
final class QkvWidget implements WidgetKind {
    private static final Set<String> KEYS = AttentionWidgetState.keys("shared");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "qkv");
        boolean shared = MatrixJson.bool(state.get("shared"), "shared", false);
        if (shared) {
            for (String field : List.of("wk", "wv")) {
                if (state.has(field)) {
                    throw new MatrixJson.Invalid("\"" + field + "\" cannot be given when \"shared\" is true: one matrix, wq, serves as Wq, Wk and Wv");
                }
            }
        }
        AttentionInputs in = AttentionInputs.from(body);
        if (shared) {
            in = new AttentionInputs(in.tokens(), in.x(), new AttentionSpec(
                    in.spec().wq(), in.spec().wq(), in.spec().wq(), null, 1, false, true));
        }
        AttentionWidgetState.check(in);
        ObjectNode out = AttentionWidgetState.common(body, in);
        out.put("shared", shared);
        return out;
    }

    @Override
    public ObjectNode options(ObjectNode state) {
        ObjectNode options = WidgetJson.object();
        ObjectNode presets = options.putObject("presets");
        for (String name : Presets.names()) {
            Presets.Preset preset = Presets.get(name);
            ObjectNode p = presets.putObject(name);
            p.set("tokens", WidgetJson.strings(preset.tokens()));
            p.set("x", WidgetJson.matrix(preset.x()));
            p.set("wq", WidgetJson.matrix(preset.wq()));
            p.set("wk", WidgetJson.matrix(preset.wk()));
            p.set("wv", WidgetJson.matrix(preset.wv()));
        }
        return options;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionTables t = AttentionWidgetState.tables(state);
        AttentionSpec spec = t.in().spec();
        HeadTrace head = t.head();
        double inputs = t.inputsSpan();
        double vectors = AttentionTables.span(t.trace().q(), t.trace().k(), t.trace().v());
        return AttentionTables.row(t.x(inputs), t.weights("Wq", "wq", spec.wq(), inputs),
                t.weights("Wk", "wk", spec.wk(), inputs), t.weights("Wv", "wv", spec.wv(), inputs),
                t.signed("Q = X·Wq", "q", t.trace().q(), vectors), t.signed("K = X·Wk", "k", t.trace().k(), vectors),
                t.signed("V = X·Wv", "v", t.trace().v(), vectors), t.grid("scores Q·Kᵀ", "scores", head.scores(), 0));
    }
}
