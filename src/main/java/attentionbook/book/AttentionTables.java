package attentionbook.book;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The starting numbers of an attention widget as the book's tables, for a reader without JavaScript:
 * the same matrices, keys and colour scales as static/js/widgets/NAME.js draws. Matrices of one kind of
 * quantity share one signed scale (the inputs; the vectors Q, K, V and what is mixed from V; the
 * scores), so one number has one colour; weights have their own scale from 0 to 1.
 */
record AttentionTables(AttentionInputs in, AttentionTrace trace) {

    String html(AttentionWidget.Variant variant, JsonNode state) {
        HeadTrace head = trace.heads().get(0);
        List<String> tokens = in.tokens();
        Matrix wo = in.spec().wo();
        double inputs = span(in.x(), in.spec().wq(), in.spec().wk(), in.spec().wv(), wo);
        double scores = span(head.scores(), head.scaled(), head.masked());
        StringBuilder html = new StringBuilder();
        switch (variant) {
            case QKV -> {
                double vectors = span(trace.q(), trace.k(), trace.v());
                html.append(x(inputs)).append(weights("Wq", "wq", in.spec().wq(), inputs))
                        .append(weights("Wk", "wk", in.spec().wk(), inputs)).append(weights("Wv", "wv", in.spec().wv(), inputs))
                        .append(signed("Q = X·Wq", "q", trace.q(), vectors)).append(signed("K = X·Wk", "k", trace.k(), vectors))
                        .append(signed("V = X·Wv", "v", trace.v(), vectors)).append(grid("scores Q·Kᵀ", "scores", head.scores(), 0));
            }
            case SCORES -> {
                double vectors = span(trace.q(), trace.k());
                html.append(signed("Q = X·Wq", "q", trace.q(), vectors))
                        .append(table("Kᵀ", "kt", trace.k().transpose(), ExampleDirective.dims(trace.k().cols()), tokens,
                                MatrixTable.Scale.SIGNED, vectors))
                        .append(grid("scores Q·Kᵀ", "scores", head.scores(), 0));
            }
            case MASKING -> {
                double shown = span(head.scaled(), head.masked());
                html.append(grid(scaledName(), "scaled", head.scaled(), shown))
                        .append(grid(maskedName(), "masked", head.masked(), shown))
                        .append(weightsGrid("weights A", "weights", head.weights()));
            }
            case WEIGHTED_SUM -> weightedSum(html, state.get("query").asInt() - 1, state.get("weights"));
            case MULTI_HEAD -> multiHead(html, inputs);
            case PIPELINE -> {
                double vectors = span(trace.q(), trace.k(), trace.v(), head.output(), trace.output());
                html.append(x(inputs)).append(signed("Q = X·Wq", "q", trace.q(), vectors))
                        .append(signed("K = X·Wk", "k", trace.k(), vectors)).append(signed("V = X·Wv", "v", trace.v(), vectors))
                        .append(grid("scores Q·Kᵀ", "scores", head.scores(), scores)).append(grid(scaledName(), "scaled", head.scaled(), scores))
                        .append(grid(maskedName(), "masked", head.masked(), scores))
                        .append(weightsGrid("weights A", "weights", head.weights()))
                        .append(signed(wo == null ? "output = A·V" : "output = concat·Wo", "output", trace.output(), vectors));
            }
        }
        return "<div class=\"matrix-row\">" + html + "</div>";
    }

    /** The largest finite magnitude in these matrices (null ones left out): the span of their one scale. */
    static double span(Matrix... matrices) {
        double max = 0;
        for (Matrix m : matrices) {
            if (m != null) {
                max = Math.max(max, MatrixTable.largestMagnitude(m.toArray()));
            }
        }
        return max;
    }

    private String scaledName() {
        return in.spec().scale() ? "scaled Q·Kᵀ / √d_k" : "unscaled Q·Kᵀ";
    }

    private String maskedName() {
        return in.spec().causal() ? "masked scores" : "scores (no mask)";
    }

    private void weightedSum(StringBuilder html, int query, JsonNode given) {
        WeightedSum sum = given.isNull() ? WeightedSum.of(in.x(), in.spec(), trace, 0, query)
                : WeightedSum.given(in.spec(), trace, 0, query, MatrixJson.vector(given, "weights", 1, AttentionWidget.MAX_SIZE));
        String token = in.tokens().get(query);
        List<String> dv = ExampleDirective.dims(sum.output().length);
        double[][] weightColumn = new double[sum.weights().length][];
        for (int j = 0; j < weightColumn.length; j++) {
            weightColumn[j] = new double[]{sum.weights()[j]};
        }
        Matrix output = Matrix.of(new double[][]{sum.output()});
        double vectors = span(Matrix.of(sum.values()), Matrix.of(sum.weighted()), output);
        html.append(table("weights of “" + token + "”", "weights-row", Matrix.of(weightColumn), in.tokens(),
                        List.of("a" + Subscripts.of(query + 1) + "ⱼ"), MatrixTable.Scale.WEIGHTS, 0))
                .append(signed("V = X·Wv", "v", Matrix.of(sum.values()), vectors))
                .append(signed("weighted values aⱼ·vⱼ", "scaled-values", Matrix.of(sum.weighted()), vectors))
                .append(table("output of “" + token + "”", "output-row", output, List.of(token), dv, MatrixTable.Scale.SIGNED, vectors));
    }

    private void multiHead(StringBuilder html, double inputs) {
        double vectors = span(trace.q(), trace.k(), trace.v(), trace.concat(), trace.output());
        html.append(signed("Q = X·Wq", "q", trace.q(), vectors)).append(signed("K = X·Wk", "k", trace.k(), vectors))
                .append(signed("V = X·Wv", "v", trace.v(), vectors));
        for (int h = 0; h < trace.heads().size(); h++) {
            html.append(weightsGrid("weights A (head " + (h + 1) + ")", "weights-h" + (h + 1), trace.heads().get(h).weights()));
        }
        html.append(signed("concat(heads)", "concat", trace.concat(), vectors))
                .append(weights("Wo", "wo", in.spec().wo(), inputs))
                .append(signed("output = concat·Wo", "output", trace.output(), vectors));
    }

    private String table(String name, String key, Matrix m, List<String> rows, List<String> cols, MatrixTable.Scale scale, double range) {
        return MatrixTable.html(new MatrixTable.Spec(name, key, m.toArray(), rows, cols, scale, AttentionWidget.DIGITS, range));
    }

    private String x(double range) {
        return signed("X", "x", in.x(), range);
    }

    private String signed(String name, String key, Matrix m, double range) {
        return table(name, key, m, in.tokens(), ExampleDirective.dims(m.cols()), MatrixTable.Scale.SIGNED, range);
    }

    private String weights(String name, String key, Matrix m, double range) {
        return table(name, key, m, ExampleDirective.dims(m.rows()), ExampleDirective.dims(m.cols()), MatrixTable.Scale.SIGNED, range);
    }

    private String grid(String name, String key, Matrix m, double range) {
        return table(name, key, m, in.tokens(), in.tokens(), MatrixTable.Scale.SIGNED, range);
    }

    private String weightsGrid(String name, String key, Matrix m) {
        return table(name, key, m, in.tokens(), in.tokens(), MatrixTable.Scale.WEIGHTS, 0);
    }
}
