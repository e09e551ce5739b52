package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** The weighted sum: one token's output, its row of weights times V. */
final class WeightedSumRow extends AbstractExerciseKind {

    WeightedSumRow() {
        super("weighted-sum-row", "One output row", "The weighted sum",
                Option.number("tokens", "how many tokens", 3, 2, 4),
                Option.number("width", "d_v, the width of a value", 2, 2, 3),
                WeightedSums.stepOption());
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("used-keys", "weights-column");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        int width = settings.number("width");
        WeightedSums in = new WeightedSums(draw, t, width, settings.word("weights"));
        int i = draw.between(0, t - 1);
        Matrix output = in.weights.times(in.values);           // O = A·V
        String oi = "o" + Numbers.sub(i + 1);

        List<String> prompt = List.of(
                "The attention weights A of " + t + " tokens (each row sums to 1), their keys K and their values V are below.",
                "Compute " + oi + ", the output of token " + (i + 1) + ": " + oi + " = Σⱼ A[" + (i + 1) + "][j]·vⱼ.");
        AnswerForm form = new AnswerForm(oi, 1, width, List.of(oi), Grids.numbers(width), Rounding.exact(2), false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of(oi + " mixes the value vectors (the rows of V) with the weights in row " + (i + 1) + " of A:")
                .with(Grids.vector("row " + (i + 1) + " of A", Integer.toString(i + 1), in.weights.row(i), 2)));
        for (int c = 0; c < width - 1; c++) {
            hints.add(new WorkStep("Entry " + (c + 1) + ":", in.cellLines(output, i, c), null));
        }
        List<WorkStep> solution = List.of(
                new WorkStep("Each entry is row " + (i + 1) + " of A times a column of V:", in.rowLines(output, i), null),
                WorkStep.of("So " + oi + " is:").with(Grids.vector(oi, oi, output.row(i), 2)));

        List<Mistake> mistakes = List.of(
                new Mistake("used-keys", "You mixed the keys. Keys only decide the weights (through Q·Kᵀ); the output"
                        + " mixes the values: " + oi + " = Σⱼ A[" + (i + 1) + "][j]·vⱼ.", Grids.rowOf(in.weights.times(in.keys), i)),
                new Mistake("weights-column", "You used column " + (i + 1) + " of A. Row " + (i + 1) + " of A holds how"
                        + " much token " + (i + 1) + " takes from each token.", Grids.rowOf(in.weights.transpose().times(in.values), i)),
                new Mistake("plain-average", "You averaged the values equally. Each value counts with its weight.",
                        Grids.rowOf(in.plainAverage(), i)),
                new Mistake("own-value", "You copied token " + (i + 1) + "'s own value. Its output blends every"
                        + " token's value, each by its weight.", Grids.rowOf(in.values, i)));
        return exercise(seed, prompt, in.given(), form, Grids.rowOf(output, i), hints, solution, mistakes);
    }
}
