package attentionbook.book;

import attentionbook.attention.Matrix;
import attentionbook.attention.OnlineSoftmax;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ```widget online-softmax}: one row of scores read a tile at a time, with the running max m,
 * the running sum ℓ, the rescale factor exp(m_old − m_new) and the partial output after each tile,
 * ending equal to softmax·V. State (normalised: all present):
 * <pre>{"scores": [1, 3, 2, 5], "values": T×d_v, "tile": 1 … T}</pre>
 * 1 to 12 scores of magnitude at most 1000, values with 1 to 4 columns.
 */
public final class OnlineSoftmaxWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("scores", "values", "tile");
    static final int MAX_SCORES = 12;
    static final int MAX_VALUE_WIDTH = 4;
    static final double MAX_MAGNITUDE = 1000;
    private static final String STATE = "the online-softmax widget's state";

    /**
     * One tile as the widget shows it: the core's numbers (m before it null for the first tile, partial
     * null while nothing is visible) and each number's arithmetic in words.
     */
    record Tile(int from, int to, @JsonProperty("previous_max") Double previousMax, double max, double rescale, double sum,
                double[] accumulator, double[] partial, @JsonProperty("rescale_text") String rescaleText,
                @JsonProperty("sum_text") String sumText, @JsonProperty("output_text") String outputText) {
        static Tile of(OnlineSoftmax.TileStep s, double[] scores) {
            return new Tile(s.from(), s.to(), s.previousMax() == Double.NEGATIVE_INFINITY ? null : s.previousMax(), s.max(),
                    s.rescale(), s.sum(), s.accumulator(), s.partial(), OnlineSoftmaxWidget.rescaleText(s),
                    OnlineSoftmaxWidget.sumText(s, scores), OnlineSoftmaxWidget.outputText(s));
        }
    }

    /** The widget's numbers: the trace and each tile's arithmetic. */
    record View(double[] scores, double[][] values, int tile, List<Tile> tiles, double[] output, double[] expected, double[] weights) {
    }

    @Override
    public ObjectNode normalise(JsonNode state) {
        View view = view(state, STATE);
        ObjectNode out = WidgetJson.object();
        out.set("scores", WidgetJson.vector(view.scores()));
        out.set("values", WidgetJson.matrix(view.values()));
        out.put("tile", view.tile());
        return out;
    }

    static View view(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        double[] scores = state.has("scores") ? MatrixJson.vector(state.get("scores"), "scores", 1, MAX_SCORES) : new double[]{1, 3, 2, 5};
        for (int j = 0; j < scores.length; j++) {
            if (Math.abs(scores[j]) > MAX_MAGNITUDE) {
                throw new MatrixJson.Invalid("\"scores\" entry " + (j + 1) + " is " + scores[j] + ": the widget takes scores from −"
                        + (int) MAX_MAGNITUDE + " to " + (int) MAX_MAGNITUDE);
            }
        }
        double[][] values = state.has("values") ? MatrixJson.matrix(state.get("values"), "values") : defaultValues(scores.length);
        if (values.length != scores.length) {
            throw new MatrixJson.Invalid("\"values\" has " + values.length + " rows but there are " + scores.length
                    + " scores: V needs one row per score");
        }
        if (values[0].length > MAX_VALUE_WIDTH) {
            throw new MatrixJson.Invalid("\"values\" has " + values[0].length + " columns: the widget shows at most " + MAX_VALUE_WIDTH);
        }
        int tile = MatrixJson.integer(state.get("tile"), "tile", Math.max(1, scores.length / 2), 1, scores.length);
        OnlineSoftmax.Trace trace = OnlineSoftmax.trace(scores, Matrix.of(values), tile);
        List<Tile> tiles = new ArrayList<>();
        for (OnlineSoftmax.TileStep step : trace.steps()) {
            tiles.add(Tile.of(step, scores));
        }
        return new View(scores, values, tile, tiles, trace.output(), trace.expected(), trace.weights());
    }

    private static double[][] defaultValues(int n) {
        double[][] values = new double[n][1];
        double[] fallback = {2, 0, 4, 1};
        for (int j = 0; j < n; j++) {
            values[j][0] = fallback[j % fallback.length];
        }
        return values;
    }

    private static String n(double x) {
        return x == Double.NEGATIVE_INFINITY ? "−∞" : MatrixTable.number(x, 4);
    }

    private static String rescaleText(OnlineSoftmax.TileStep s) {
        if (s.previousMax() == Double.NEGATIVE_INFINITY) {
            return "first tile: nothing accumulated yet to rescale";
        }
        return "e^(m − m′) = e^(" + n(s.previousMax()) + " − " + n(s.max()) + ") = " + n(s.rescale());
    }

    private static String sumText(OnlineSoftmax.TileStep s, double[] scores) {
        StringBuilder text = new StringBuilder("ℓ′ = ");
        if (s.previousMax() != Double.NEGATIVE_INFINITY) {
            text.append("ℓ × ").append(n(s.rescale())).append(" + ");
        }
        for (int j = s.from(); j < s.to(); j++) {
            text.append(j > s.from() ? " + " : "").append("e^(").append(n(scores[j])).append(" − ").append(n(s.max())).append(")");
        }
        return text.append(" = ").append(n(s.sum())).toString();
    }

    private static String outputText(OnlineSoftmax.TileStep s) {
        return s.partial() == null ? "no visible score yet" : "o / ℓ = " + n(s.accumulator()[0]) + " / " + n(s.sum()) + " = " + n(s.partial()[0]);
    }

    /** What the online-softmax template shows before the script runs: a row of text per tile (tile, m, rescale, ℓ, o / ℓ). */
    public record Page(int tile, List<List<String>> rows, String expected) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        View view = view(state, STATE);
        List<List<String>> rows = view.tiles().stream().map(s -> List.of((s.from() + 1) + "–" + s.to(), n(s.max()), n(s.rescale()), n(s.sum()),
                s.partial() == null ? "—" : n(s.partial()[0]))).toList();
        return Templates.render("book/online-softmax.jte", new Page(view.tile(), rows, n(view.expected()[0])));
    }
}
