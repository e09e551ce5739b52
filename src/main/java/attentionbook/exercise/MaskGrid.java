package attentionbook.exercise;

import attentionbook.attention.CausalMask;
import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;

/** Masking: apply the causal mask to a grid of scaled scores (hidden cells become −∞). */
final class MaskGrid extends AbstractExerciseKind {

    MaskGrid() {
        super("causal-mask", "Applying the causal mask", "Masking",
                Option.number("tokens", "how many tokens", 3, 3, 4));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("hid-diagonal", "wrong-side", "zeros", "no-mask", "large-negative");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        Matrix scores = draw.ints(t, t, -3, 6);
        Traced traced = Traced.fromScores(scores, t, true, false);
        Matrix masked = traced.matrix(Step.MASKED, 0);

        List<String> prompt = List.of(
                "These are the scaled scores of " + t + " tokens in a decoder, which must not look ahead.",
                "Apply the causal mask: write the masked grid, with −∞ in every hidden cell (type -inf).");
        AnswerForm form = new AnswerForm("the masked scores", t, t, Grids.numbers(t), Grids.numbers(t), Rounding.exact(0), true);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of("Row i is the query of token i. It may look at tokens j ≤ i, itself included; the"
                + " tokens after it (j > i) are hidden. Which cells of row 1 stay?"));
        for (int r = 1; r < t - 1; r++) {
            hints.add(new WorkStep("Row " + (r + 1) + " keeps columns 1–" + (r + 1) + ":", traced.rowLines(Step.MASKED, 0, r), null)
                    .with(Grids.vector("row " + (r + 1) + ", masked", Integer.toString(r + 1), masked.row(r), 0)));
        }
        List<WorkStep> solution = new ArrayList<>();
        for (int r = 0; r < t; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + ":", traced.rowLines(Step.MASKED, 0, r), null));
        }
        solution.add(WorkStep.of("So the masked grid is (−∞ above the diagonal):").with(Grids.numbered("masked", masked, 0)));

        List<Mistake> mistakes = List.of(
                new Mistake("hid-diagonal", "You hid the diagonal too. A token always sees itself: row i keeps"
                        + " columns 1 to i, column i included.", hideDiagonal(scores)),
                new Mistake("wrong-side", "You hid the wrong side of the diagonal, the past instead of the future."
                        + " Row i (a query) may look at the keys j ≤ i, so the −∞ go above the diagonal.",
                        CausalMask.apply(scores.transpose()).transpose()),
                new Mistake("zeros", "You wrote 0 in the hidden cells. A hidden score must be −∞: softmax turns a 0"
                        + " into exp(0) = 1, real weight on a future token, but exp(−∞) = 0.",
                        masked.map(v -> v == Double.NEGATIVE_INFINITY ? 0 : v)),
                new Mistake("no-mask", "You left the scores as they were. The causal mask hides, in each row, every"
                        + " token after the row's own.", scores),
                new Mistake("large-negative", largeNegativeText(masked), masked.map(
                        v -> v == Double.NEGATIVE_INFINITY ? Mistake.MASK_CONSTANT : v)));
        return exercise(seed, prompt, List.of(Grids.numbered("scaled scores", scores, 0)), form, masked, hints,
                solution, mistakes);
    }

    /**
     * What a large negative constant in place of −∞ does to these rows, computed: whether softmax gives
     * the same weights with the smallest constant the checker takes for one as with −∞.
     */
    static String largeNegativeText(Matrix masked) {
        boolean same = true;
        for (int r = 0; r < masked.rows(); r++) {
            double[] exact = Softmax.stable(masked.row(r));
            double[] constant = Softmax.stable(masked.map(v -> v == Double.NEGATIVE_INFINITY ? Mistake.LARGE_NEGATIVE : v).row(r));
            same &= java.util.Arrays.equals(exact, constant);
        }
        String weights = same
                ? " After softmax it does no harm here: in float64, exp(" + Numbers.text(Mistake.LARGE_NEGATIVE)
                        + " − max) is exactly 0, so these rows get the very same weights, which is why code often uses −1e9."
                : " Here it even changes the weights: the scores are large enough that the hidden tokens keep some weight.";
        return "You wrote a large negative number where the mask puts −∞." + weights + " But this grid asks for the"
                + " mask itself, and a hidden cell is −∞: write -inf. A constant stops being safe when scores come near it"
                + " (hidden tokens get weight), and in 16-bit floats −1e9 cannot even be stored: it becomes −∞.";
    }

    /** The mistaken mask that hides j ≥ i: what a learner writes who thinks a token may not see itself. */
    static Matrix hideDiagonal(Matrix scores) {
        double[][] cells = scores.toArray();
        for (int i = 0; i < cells.length; i++) {
            for (int j = i; j < cells.length; j++) {
                cells[i][j] = Double.NEGATIVE_INFINITY;
            }
        }
        return Matrix.of(cells);
    }
}
