package attentionbook.book;

import attentionbook.attention.ScalingExperiment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget scaling}: the spread of q·k as d_k grows, from the core's seeded experiment.
 * State (normalised: all present):
 * <pre>{"dk": 64, "samples": 1000, "seed": 1}</pre>
 * dk from 1 to 1024, samples from 6 to 10000, seed from 0 to 2⁴⁸.
 */
public final class ScalingWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("dk", "samples", "seed");

    private static final String STATE = "the scaling widget's state";

    @Override
    public ObjectNode normalise(JsonNode state) {
        ScalingView view = view(state, STATE);
        ObjectNode out = WidgetJson.object();
        out.put("dk", view.dk());
        out.put("samples", view.samples());
        out.put("seed", view.seed());
        return out;
    }

    /** The experiment for a state or an API body. */
    static ScalingView view(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        int dk = MatrixJson.integer(state.get("dk"), "dk", 64, 1, ScalingExperiment.MAX_DK);
        int samples = MatrixJson.integer(state.get("samples"), "samples", ScalingView.DEFAULT_SAMPLES, ScalingView.ROW,
                ScalingExperiment.MAX_SAMPLES);
        JsonNode seedNode = state.get("seed");
        long seed = 1;
        if (seedNode != null && !seedNode.isNull()) {
            if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong() || seedNode.longValue() < 0
                    || seedNode.longValue() > ScalingView.MAX_SEED) {
                throw new MatrixJson.Invalid("\"seed\" must be a whole number from 0 to " + ScalingView.MAX_SEED + ", not "
                        + MatrixJson.describe(seedNode));
            }
            seed = seedNode.longValue();
        }
        return ScalingView.of(dk, samples, seed);
    }

    /** What book/scaling.jte prints: the experiment, its statistics, √d_k and one row of scores and weights. */
    public record View(int samples, int dk, long seed, List<Stats> stats, String sqrtDk, List<MatrixTable.View> rows) {
    }

    /** A statistics row: mean and standard deviation as printed. */
    public record Stats(String label, String mean, String deviation) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        ScalingView view = view(state, STATE);
        List<String> labels = ExampleDirective.dims(ScalingView.ROW);
        double range = MatrixTable.largestMagnitude(view.row().raw(), view.row().scaled()); // one scale for both rows of scores
        List<MatrixTable.View> rows = List.of(
                row("scores q·k", "row-raw", view.row().raw(), labels, MatrixTable.Scale.SIGNED, range),
                row("softmax without scaling", "weights-raw", view.row().weightsRaw(), labels, MatrixTable.Scale.WEIGHTS, 0),
                row("scores q·k / √d_k", "row-scaled", view.row().scaled(), labels, MatrixTable.Scale.SIGNED, range),
                row("softmax with 1/√d_k", "weights-scaled", view.row().weightsScaled(), labels, MatrixTable.Scale.WEIGHTS, 0));
        return Templates.render("book/scaling.jte", new View(view.samples(), view.dk(), view.seed(),
                List.of(stats("q·k", view.raw()), stats("q·k / √d_k", view.scaled())), MatrixTable.number(view.sqrtDk(), 2), rows));
    }

    private static Stats stats(String label, attentionbook.attention.DotProductStats.Summary summary) {
        return new Stats(label, MatrixTable.number(summary.mean(), 2), MatrixTable.number(summary.standardDeviation(), 2));
    }

    private static MatrixTable.View row(String name, String key, double[] values, List<String> labels, MatrixTable.Scale scale, double range) {
        return MatrixTable.view(new MatrixTable.Spec(name, key, new double[][]{values}, List.of("1"), labels, scale, 2, range));
    }
}
