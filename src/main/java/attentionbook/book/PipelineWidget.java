package attentionbook.book;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ```widget pipeline}: the whole layer, one step at a time. State: the
 * {@link AttentionWidgetState common inputs} plus "wo" (or null), "causal", "scale" and "step"
 * (1 … {@link #STEPS}, one of {@link #STEP_NAMES}), and "window" and "rope" for its one head when the author
 * writes them. "kv_heads" is refused with the reason: it groups several heads, and the pipeline shows one.
 */
final class PipelineWidget implements WidgetKind {
    static final List<String> STEP_NAMES = List.of("x", "qkv", "scores", "scaled", "masked", "weights", "output");
    static final int STEPS = STEP_NAMES.size();
    private static final Set<String> KEYS = AttentionWidgetState.keys("wo", "causal", "scale", "step", "window", "rope");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "pipeline");
        AttentionInputs in = AttentionWidgetState.inputs(body);
        ObjectNode out = AttentionWidgetState.common(body, in);
        out.set("wo", in.spec().wo() == null ? null : WidgetJson.matrix(in.spec().wo().toArray()));
        AttentionWidgetState.switches(out, in);
        AttentionWidgetState.modern(out, body, in, KEYS);
        out.put("step", MatrixJson.integer(state.get("step"), "step", 1, 1, STEPS));
        return out;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionTables t = AttentionWidgetState.tables(state);
        AttentionTrace trace = t.trace();
        HeadTrace head = t.head();
        double scores = t.scoresSpan();
        double vectors = AttentionTables.span(trace.q(), trace.k(), trace.v(), head.output(), trace.output());
        List<MatrixTable.View> tables = new ArrayList<>(List.of(t.x(t.inputsSpan()), t.signed("Q = X·Wq", "q", trace.q(), vectors),
                t.signed("K = X·Wk", "k", trace.k(), vectors), t.signed("V = X·Wv", "v", trace.v(), vectors)));
        if (head.rotated()) {
            tables.add(t.signed("Q rotated by position", "q-rotated", head.qRotated(), vectors));
            tables.add(t.signed("K rotated by position", "k-rotated", head.kRotated(), vectors));
        }
        tables.addAll(List.of(t.grid(head.rotated() ? "scores Q_rot·K_rotᵀ" : "scores Q·Kᵀ", "scores", head.scores(), scores), t.grid(t.scaledName(), "scaled", head.scaled(), scores),
                t.grid(t.maskedName(), "masked", head.masked(), scores),
                t.weightsGrid("weights A", "weights", head.weights()),
                t.signed(t.in().spec().wo() == null ? "output = A·V" : "output = concat·Wo", "output", trace.output(), vectors)));
        return AttentionTables.row(tables.toArray(MatrixTable.View[]::new));
    }
}
