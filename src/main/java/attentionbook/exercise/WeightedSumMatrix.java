package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** The weighted sum: the whole output A·V. */
final class WeightedSumMatrix extends AbstractExerciseKind {

    WeightedSumMatrix() {
        super("weighted-sum", "The output A·V", "The weighted sum",
                Option.number("tokens", "how many tokens", 3, 2, 3),
                Option.number("width", "d_v, the width of a value", 2, 2, 3),
                WeightedSums.stepOption());
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("used-keys", "weights-transposed");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        int width = settings.number("width");
        WeightedSums in = new WeightedSums(draw, t, width, settings.word("weights"));
        Matrix output = in.weights.times(in.values);           // O = A·V   [T×T]·[T×d_v] = [T×d_v]

        List<String> prompt = List.of(
                "The attention weights A of " + t + " tokens (each row sums to 1), their keys K and their values V are below.",
                "Compute the output O = A·V: one row for each token.");
        AnswerForm form = new AnswerForm("O = A·V", t, width, Grids.tokens(t), Grids.numbers(width), Rounding.exact(2), false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of("Row i of O mixes the rows of V with the weights in row i of A: [" + in.weights.shape()
                + "]·[" + in.values.shape() + "] = [" + output.shape() + "]."));
        for (int r = 0; r < t - 1; r++) {
            hints.add(new WorkStep("Row " + (r + 1) + ":", in.rowLines(output, r), null)
                    .with(Grids.vector("row " + (r + 1) + " of O", "o" + Numbers.sub(r + 1), output.row(r), 2)));
        }
        List<WorkStep> solution = new ArrayList<>();
        for (int r = 0; r < t; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + " (token " + (r + 1) + "):", in.rowLines(output, r), null));
        }
        solution.add(WorkStep.of("So the output is:").with(Grids.byToken("O = A·V", output, 2)));

        List<Mistake> mistakes = List.of(
                new Mistake("used-keys", "You mixed the keys: A·K. Keys only decide the weights; the output mixes the"
                        + " values, O = A·V.", in.weights.times(in.keys)),
                new Mistake("weights-transposed", "You used the columns of A, Aᵀ·V. Row i of A holds how much token i"
                        + " takes from each token, so row i of O comes from row i of A.", in.weights.transpose().times(in.values)),
                new Mistake("plain-average", "You averaged the values equally. Each value counts with its weight.",
                        in.plainAverage()));
        return exercise(seed, prompt, in.given(), form, output, hints, solution, mistakes);
    }
}
