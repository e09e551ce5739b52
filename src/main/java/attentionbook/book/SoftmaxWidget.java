package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget softmax}: one row of scores and a temperature τ; the probabilities, and the naive
 * exp beside the stable one. State (normalised: both present):
 * <pre>{"scores": [2, 1, 0.1], "temperature": 1}</pre>
 * Scores: 1 to {@value SoftmaxComparison#MAX_ENTRIES} numbers of magnitude at most 1e6 (large enough to
 * overflow the naive exp); temperature from 0.01 to 100.
 */
final class SoftmaxWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("scores", "temperature");
    private static final double[] DEFAULT_SCORES = {2, 1, 0.1};

    private static final String STATE = "the softmax widget's state";

    @Override
    public ObjectNode normalise(JsonNode state) {
        SoftmaxComparison row = comparison(state, STATE);
        ObjectNode out = WidgetJson.object();
        out.set("scores", WidgetJson.vector(row.scores()));
        out.put("temperature", row.temperature());
        return out;
    }

    /** The comparison for a state or an API body. */
    static SoftmaxComparison comparison(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        double[] scores = state.has("scores")
                ? MatrixJson.vector(state.get("scores"), "scores", 1, SoftmaxComparison.MAX_ENTRIES) : DEFAULT_SCORES.clone();
        for (int j = 0; j < scores.length; j++) {
            if (Math.abs(scores[j]) > SoftmaxComparison.MAX_SCORE) {
                throw new MatrixJson.Invalid("\"scores\" entry " + (j + 1) + " is " + MatrixJson.plain(scores[j])
                        + ": scores must lie from −1000000 to 1000000");
            }
        }
        double temperature = MatrixJson.number(state.get("temperature"), "temperature", 1.0,
                SoftmaxComparison.MIN_TEMPERATURE, SoftmaxComparison.MAX_TEMPERATURE);
        return SoftmaxComparison.of(scores, temperature);
    }

    @Override
    public String staticHtml(ObjectNode state) {
        SoftmaxComparison row = comparison(state, STATE);
        List<String> labels = ExampleDirective.dims(row.scores().length);
        StringBuilder html = new StringBuilder("<div class=\"matrix-row\">");
        html.append(MatrixTable.html(new MatrixTable.Spec("scores s / τ (τ = " + MatrixJson.plain(row.temperature()) + ")",
                "divided", new double[][]{row.divided()}, List.of("s/τ"), labels, MatrixTable.Scale.SIGNED, 2)));
        html.append(MatrixTable.html(new MatrixTable.Spec("softmax (stable)", "weights", new double[][]{row.weights()},
                List.of("p"), labels, MatrixTable.Scale.WEIGHTS, 3)));
        html.append("</div><table class=\"softmax-compare\"><caption>exp with and without subtracting the max</caption>")
                .append("<thead><tr><td></td>");
        for (String label : labels) {
            html.append("<th scope=\"col\">").append(label).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        row(html, "stable exp(s/τ − max)", row.terms());
        shownRow(html, "naive exp(s/τ)", row.naive().terms());
        shownRow(html, "naive weight", row.naive().weights());
        html.append("</tbody></table>");
        if (row.naive().text() != null) {
            html.append("<p class=\"widget-problem\">").append(MatrixTable.escape(row.naive().text())).append("</p>");
        }
        return html.toString();
    }

    private static void row(StringBuilder html, String label, double[] values) {
        html.append("<tr><th scope=\"row\">").append(label).append("</th>");
        for (double value : values) {
            html.append("<td>").append(MatrixTable.number(value, 3)).append("</td>");
        }
        html.append("</tr>");
    }

    private static void shownRow(StringBuilder html, String label, List<SoftmaxComparison.Shown> values) {
        html.append("<tr><th scope=\"row\">").append(label).append("</th>");
        for (SoftmaxComparison.Shown shown : values) {
            html.append(shown.value() == null ? "<td class=\"overflow\">" + shown.text() : "<td>" + MatrixTable.number(shown.value(), 3))
                    .append("</td>");
        }
        html.append("</tr>");
    }
}
