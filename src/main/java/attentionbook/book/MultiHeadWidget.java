package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ```widget multi-head}: the projections split into heads, each head's weights, and the heads
 * joined through Wo. State: the {@link AttentionWidgetState common inputs} plus "wo" (default the
 * identity), "heads" (default the smallest divisor above 1), "causal" and "scale", and the modern options
 * "kv_heads" (W_K and W_V g·d_k and g·d_v wide: query head i reads key/value head ⌊i·g/h⌋), "window" and
 * "rope", computed by the core as the attention API computes them and kept in the state only when written. Its options are
 * the head counts allowed and the parameter counts, which no head count changes, and the most heads
 * (a state from a link may have other sizes: the widget then applies {@link #headChoices}'s rule to them).
 */
final class MultiHeadWidget implements WidgetKind {
    /** The attention API computes at most 8 heads (web.AttentionLimits). */
    static final int MAX_HEADS = 8;
    private static final Set<String> KEYS = AttentionWidgetState.keys("wo", "heads", "causal", "scale", "kv_heads", "window", "rope");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "multi-head");
        if (!body.has("wo")) {
            body.put("wo", "identity");
        }
        if (body.hasNonNull("kv_heads") && !body.hasNonNull("heads")) {
            throw new MatrixJson.Invalid("\"kv_heads\" needs \"heads\": say how many query heads share the "
                    + body.get("kv_heads") + " key/value heads");
        }
        AttentionInputs in = AttentionWidgetState.inputs(body);
        if (!state.has("heads")) {
            List<Integer> choices = headChoices(in);
            int heads = choices.size() > 1 ? choices.get(1) : 1;
            AttentionSpec s = in.spec();
            in = new AttentionInputs(in.tokens(), in.x(), new AttentionSpec(s.wq(), s.wk(), s.wv(), s.wo(), heads, s.causal(), s.scale(),
                    heads, s.window(), s.rope()));
            AttentionWidgetState.check(in);
        }
        ObjectNode out = AttentionWidgetState.common(body, in);
        out.set("wo", WidgetJson.matrix(in.spec().wo().toArray()));
        out.put("heads", in.spec().heads());
        AttentionWidgetState.switches(out, in);
        AttentionWidgetState.modern(out, body, in, KEYS);
        return out;
    }

    @Override
    public ObjectNode options(ObjectNode state) {
        ObjectNode options = WidgetJson.object();
        AttentionInputs in = AttentionInputs.from(state);
        options.set("heads", WidgetJson.ints(headChoices(in)));
        options.put("max_heads", MAX_HEADS);        // a link with other sizes works out its choices by the same rule
        // the widget never changes a matrix's size, so its parameter count is fixed: whatever the heads
        ObjectNode parameters = options.putObject("parameters");
        long total = 0;
        for (Map.Entry<String, Matrix> entry : List.of(Map.entry("wq", in.spec().wq()), Map.entry("wk", in.spec().wk()),
                Map.entry("wv", in.spec().wv()), Map.entry("wo", in.spec().wo()))) {
            long count = Math.multiplyExact((long) entry.getValue().rows(), entry.getValue().cols());
            parameters.put(entry.getKey(), count);
            total += count;
        }
        parameters.put("total", total);
        return options;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionTables t = AttentionWidgetState.tables(state);
        AttentionTrace trace = t.trace();
        double inputs = t.inputsSpan();
        double vectors = AttentionTables.span(trace.q(), trace.k(), trace.v(), trace.concat(), trace.output());
        List<MatrixTable.View> tables = new ArrayList<>(List.of(t.signed("Q = X·Wq", "q", trace.q(), vectors),
                t.signed("K = X·Wk", "k", trace.k(), vectors), t.signed("V = X·Wv", "v", trace.v(), vectors)));
        AttentionSpec spec = t.in().spec();
        for (int h = 0; h < trace.heads().size(); h++) {
            HeadTrace head = trace.heads().get(h);
            if (spec.rope()) {
                tables.add(t.signed("Q rotated (head " + (h + 1) + ")", "q-rotated-h" + (h + 1), head.qRotated(), vectors));
                tables.add(t.signed("K rotated (head " + (h + 1) + ")", "k-rotated-h" + (h + 1), head.kRotated(), vectors));
            }
            String group = spec.kvHeads() == spec.heads() ? "" : ", K/V " + (head.kvGroup() + 1);
            tables.add(t.weightsGrid("weights A (head " + (h + 1) + group + ")", "weights-h" + (h + 1), head.weights()));
        }
        tables.add(t.signed("concat(heads)", "concat", trace.concat(), vectors));
        tables.add(t.weights("Wo", "wo", t.in().spec().wo(), inputs));
        tables.add(t.signed("output = concat·Wo", "output", trace.output(), vectors));
        return AttentionTables.row(tables.toArray(MatrixTable.View[]::new));
    }

    /**
     * Head counts that split both the query width and the value width evenly, up to the attention API's 8. With fewer
     * key/value heads than query heads, W_K's width g·d_k fixes d_k and so h: the one choice is the state's own.
     */
    static List<Integer> headChoices(AttentionInputs in) {
        List<Integer> choices = new ArrayList<>();
        if (in.spec().kvHeads() != in.spec().heads()) {
            return List.of(in.spec().heads());
        }
        for (int h = 1; h <= Math.min(MAX_HEADS, in.spec().wq().cols()); h++) {
            if (in.spec().wq().cols() % h == 0 && in.spec().wv().cols() % h == 0) {
                choices.add(h);
            }
        }
        return choices;
    }
}
