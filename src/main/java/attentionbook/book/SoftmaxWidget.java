package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ```widget softmax}: one row of scores and a temperature τ; the probabilities, and the naive
 * exp beside the stable one. State (normalised: both present):
 * <pre>{"scores": [2, 1, 0.1], "temperature": 1}</pre>
 * Scores: 1 to {@value SoftmaxComparison#MAX_ENTRIES} numbers of magnitude at most 1e6 (large enough to
 * overflow the naive exp), or {@value #MINUS_INFINITY} (also written "−∞") for a hidden entry, whose weight is
 * exactly 0; at least one score must be a number. Temperature from 0.01 to 100.
 */
public final class SoftmaxWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("scores", "temperature");
    private static final double[] DEFAULT_SCORES = {2, 1, 0.1};

    private static final String STATE = "the softmax widget's state";
    /** How a hidden score is written in a chapter, a link, the API and the normalised state. */
    static final String MINUS_INFINITY = "-inf";
    private static final Set<String> INFINITY_WORDS = Set.of("-inf", "−inf", "-∞", "−∞", "-infinity", "−infinity");

    @Override
    public ObjectNode normalise(JsonNode state) {
        SoftmaxComparison row = comparison(state, STATE);
        ObjectNode out = WidgetJson.object();
        ArrayNode scores = out.putArray("scores");
        for (double score : row.scores()) {
            if (score == Double.NEGATIVE_INFINITY) {
                scores.add(MINUS_INFINITY);
            } else {
                scores.add(score);
            }
        }
        out.put("temperature", row.temperature());
        return out;
    }

    /** The comparison for a state or an API body. */
    static SoftmaxComparison comparison(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        double[] scores = state.has("scores") ? scores(state.get("scores")) : DEFAULT_SCORES.clone();
        double temperature = MatrixJson.number(state.get("temperature"), "temperature", 1.0,
                SoftmaxComparison.MIN_TEMPERATURE, SoftmaxComparison.MAX_TEMPERATURE);
        return SoftmaxComparison.of(scores, temperature);
    }

    /** The scores: numbers of magnitude at most 1e6, or "-inf" (−∞) for hidden entries, not all of them. */
    private static double[] scores(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new MatrixJson.Invalid("\"scores\" must be a list of numbers such as [2, 1, 0.1], or \"-inf\" for a hidden score");
        }
        if (node.isEmpty() || node.size() > SoftmaxComparison.MAX_ENTRIES) {
            throw new MatrixJson.Invalid("\"scores\" must hold from 1 to " + SoftmaxComparison.MAX_ENTRIES + " numbers, not " + node.size());
        }
        double[] scores = new double[node.size()];
        boolean anyNumber = false;
        for (int j = 0; j < scores.length; j++) {
            JsonNode entry = node.get(j);
            String where = "\"scores\" entry " + (j + 1);
            if (entry.isTextual()) {
                if (!INFINITY_WORDS.contains(entry.textValue().strip().toLowerCase(Locale.ROOT))) {
                    throw new MatrixJson.Invalid(where + " is \"" + entry.textValue() + "\": a score is a number, or \"-inf\" (−∞) to hide it");
                }
                scores[j] = Double.NEGATIVE_INFINITY;
                continue;
            }
            scores[j] = MatrixJson.number(entry, where);
            if (Math.abs(scores[j]) > SoftmaxComparison.MAX_SCORE) {
                throw new MatrixJson.Invalid(where + " is " + MatrixJson.plain(scores[j]) + ": scores must lie from −1000000 to 1000000");
            }
            anyNumber = true;
        }
        if (!anyNumber) {
            throw new MatrixJson.Invalid("every score is −∞: each exp(−∞) is 0, so softmax would be 0/0, which is not a number."
                    + " Give at least one score a number (a causal mask never hides a token from itself, so attention never meets this row)");
        }
        return scores;
    }

    /** What book/softmax.jte prints: the two matrices, then the stable and naive exponentials side by side. */
    public record View(MatrixTable.View divided, MatrixTable.View weights, List<String> labels, List<Row> rows, String problem) {
    }

    /** A row of the comparison. */
    public record Row(String label, List<Cell> cells) {
    }

    /** A number as printed, or the word for a value that overflowed. */
    public record Cell(String text, boolean overflow) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        SoftmaxComparison row = comparison(state, STATE);
        List<String> labels = ExampleDirective.dims(row.scores().length);
        MatrixTable.View divided = MatrixTable.view(new MatrixTable.Spec("scores s / τ (τ = " + MatrixJson.plain(row.temperature()) + ")",
                "divided", new double[][]{row.divided()}, List.of("s/τ"), labels, MatrixTable.Scale.SIGNED, 2));
        MatrixTable.View weights = MatrixTable.view(new MatrixTable.Spec("softmax (stable)", "weights", new double[][]{row.weights()},
                List.of("p"), labels, MatrixTable.Scale.WEIGHTS, 3));
        List<Cell> stable = new ArrayList<>();
        for (double value : row.terms()) {
            stable.add(new Cell(MatrixTable.number(value, 3), false));
        }
        List<Row> rows = List.of(new Row("stable exp(s/τ − max)", stable), shown("naive exp(s/τ)", row.naive().terms()),
                shown("naive weight", row.naive().weights()));
        return Templates.render("book/softmax.jte", new View(divided, weights, labels, rows, row.naive().text()));
    }

    private static Row shown(String label, List<SoftmaxComparison.Shown> values) {
        List<Cell> cells = new ArrayList<>();
        for (SoftmaxComparison.Shown shown : values) {
            cells.add(shown.value() == null ? new Cell(shown.text(), true) : new Cell(MatrixTable.number(shown.value(), 3), false));
        }
        return new Row(label, cells);
    }
}
