package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
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
 * identity), "heads" (default the smallest divisor above 1), "causal" and "scale". Its options are
 * the head counts allowed and the parameter counts, which no head count changes, and the most heads
 * (a state from a link may have other sizes: the widget then applies {@link #headChoices}'s rule to them).
 */
final class MultiHeadWidget implements WidgetKind {
    /** The attention API computes at most 8 heads (web.AttentionLimits). */
    static final int MAX_HEADS = 8;
    private static final Set<String> KEYS = AttentionWidgetState.keys("wo", "heads", "causal", "scale");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "multi-head");
        if (!body.has("wo")) {
            body.put("wo", "identity");
        }
        AttentionInputs in = AttentionWidgetState.inputs(body);
        if (!state.has("heads")) {
            List<Integer> choices = headChoices(in);
            int heads = choices.size() > 1 ? choices.get(1) : 1;
            AttentionSpec s = in.spec();
            in = new AttentionInputs(in.tokens(), in.x(), new AttentionSpec(s.wq(), s.wk(), s.wv(), s.wo(), heads, s.causal(), s.scale()));
        }
        ObjectNode out = AttentionWidgetState.common(body, in);
        out.set("wo", WidgetJson.matrix(in.spec().wo().toArray()));
        out.put("heads", in.spec().heads());
        AttentionWidgetState.switches(out, in);
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
        for (int h = 0; h < trace.heads().size(); h++) {
            tables.add(t.weightsGrid("weights A (head " + (h + 1) + ")", "weights-h" + (h + 1), trace.heads().get(h).weights()));
        }
        tables.add(t.signed("concat(heads)", "concat", trace.concat(), vectors));
        tables.add(t.weights("Wo", "wo", t.in().spec().wo(), inputs));
        tables.add(t.signed("output = concat·Wo", "output", trace.output(), vectors));
        return AttentionTables.row(tables.toArray(MatrixTable.View[]::new));
    }

    /** Head counts that split both the query width and the value width evenly, up to the attention API's 8. */
    static List<Integer> headChoices(AttentionInputs in) {
        List<Integer> choices = new ArrayList<>();
        for (int h = 1; h <= Math.min(MAX_HEADS, in.spec().wq().cols()); h++) {
            if (in.spec().wq().cols() % h == 0 && in.spec().wv().cols() % h == 0) {
                choices.add(h);
            }
        }
        return choices;
    }
}
