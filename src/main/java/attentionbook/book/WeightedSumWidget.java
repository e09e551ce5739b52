package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget weighted-sum}: one query's output as its weights times the value vectors. State:
 * the {@link AttentionWidgetState common inputs} plus "query" (the row, from 1), "causal", "scale"
 * and "weights" (null, or one non-negative number a token that replaces the row's weights once
 * divided by their sum).
 */
final class WeightedSumWidget implements WidgetKind {
    private static final Set<String> KEYS = AttentionWidgetState.keys("query", "causal", "scale", "weights");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "weighted-sum");
        AttentionInputs in = AttentionWidgetState.inputs(body);
        AttentionTrace trace = Attention.run(in.x(), in.spec());
        ObjectNode out = AttentionWidgetState.common(body, in);
        AttentionWidgetState.switches(out, in);
        int query = MatrixJson.integer(state.get("query"), "query", 1, 1, trace.q().rows());
        out.put("query", query);
        JsonNode given = state.get("weights");
        if (given == null || given.isNull()) {
            out.putNull("weights");
        } else {
            double[] weights = MatrixJson.vector(given, "weights", 1, AttentionWidgetState.MAX_SIZE);
            WeightedSum.given(in.spec(), trace, 0, query - 1, weights);   // checks them
            out.set("weights", WidgetJson.vector(weights));
        }
        return out;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionTables t = AttentionWidgetState.tables(state);
        AttentionInputs in = t.in();
        int query = state.get("query").asInt() - 1;
        JsonNode given = state.get("weights");
        WeightedSum sum = given.isNull() ? WeightedSum.of(in.x(), in.spec(), t.trace(), 0, query)
                : WeightedSum.given(in.spec(), t.trace(), 0, query, MatrixJson.vector(given, "weights", 1, AttentionWidgetState.MAX_SIZE));
        String token = in.tokens().get(query);
        List<String> dv = ExampleDirective.dims(sum.output().length);
        double[][] weightColumn = new double[sum.weights().length][];
        for (int j = 0; j < weightColumn.length; j++) {
            weightColumn[j] = new double[]{sum.weights()[j]};
        }
        Matrix output = Matrix.of(new double[][]{sum.output()});
        double vectors = AttentionTables.span(Matrix.of(sum.values()), Matrix.of(sum.weighted()), output);
        return AttentionTables.row(
                t.table("weights of “" + token + "”", "weights-row", Matrix.of(weightColumn), in.tokens(),
                        List.of("a" + Subscripts.of(query + 1) + "ⱼ"), MatrixTable.Scale.WEIGHTS, 0),
                t.signed("V = X·Wv", "v", Matrix.of(sum.values()), vectors),
                t.signed("weighted values aⱼ·vⱼ", "scaled-values", Matrix.of(sum.weighted()), vectors),
                t.table("output of “" + token + "”", "output-row", output, List.of(token), dv, MatrixTable.Scale.SIGNED, vectors));
    }
}
