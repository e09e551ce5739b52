package attentionbook.exercise;

import attentionbook.attention.Costs;
import attentionbook.attention.Matrix;

import java.util.List;

/** Input shapes: how many numbers X, Q and the batch's score grids hold. */
final class ElementCount extends AbstractExerciseKind {
    private static final List<String> COLUMNS = List.of("X", "Q", "scores");

    ElementCount() {
        super("element-count", "Counting the numbers", "Input shapes");
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("linear-in-t", "forgot-batch", "scores-like-q");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        BatchSizes sizes = BatchSizes.draw(draw, 4, 8, List.of(4, 6, 8), 4);
        int b = sizes.batch();
        int t = sizes.tokens();
        int dModel = sizes.dModel();
        int dk = sizes.dk();

        long x = count(b, t, dModel);
        long q = count(b, t, dk);
        long scores = Costs.scoreGridEntries(b, 1, t);
        Matrix answer = counts(x, q, scores);

        List<String> prompt = List.of(
                "An input X has shape [B, T, d_model] = " + Arithmetic.shape(b, t, dModel) + " and Wq has shape "
                        + Arithmetic.shape(dModel, dk) + ". There is one head.",
                "How many numbers are in X, in Q = X·Wq, and in the score grids Q·Kᵀ of the whole batch?");
        AnswerForm form = new AnswerForm("the three counts", 1, 3, List.of("numbers"), COLUMNS, Rounding.exact(0), false);

        String xLine = "X: " + Arithmetic.shape(b, t, dModel) + " holds " + b + " × " + t + " × " + dModel + " = " + Numbers.count(x) + " numbers.";
        String qLine = "Q: [" + t + "×" + dModel + "]·[" + dModel + "×" + dk + "] = [" + t + "×" + dk + "] per sequence, so Q is "
                + Arithmetic.shape(b, t, dk) + " and holds " + b + " × " + t + " × " + dk + " = " + Numbers.count(q) + " numbers.";
        String sLine = "scores: one " + t + "×" + t + " grid per sequence, " + Arithmetic.shape(b, t, t) + ", holding " + b + " × "
                + t + " × " + t + " = " + Numbers.count(scores) + " numbers.";
        // Hints lead to the shapes; the counts, which are the answer, are left to the learner.
        List<WorkStep> hints = List.of(
                WorkStep.of("The count of a shape is the product of its sizes: [a, b, c] holds a × b × c numbers."),
                WorkStep.of("Q is [" + t + "×" + dModel + "]·[" + dModel + "×" + dk + "] for each of the " + b
                        + " sequences; the scores Q·Kᵀ are one T × T grid for each sequence."));
        List<WorkStep> solution = List.of(WorkStep.of("Multiply the sizes of each shape:", xLine, qLine, sLine));

        List<Mistake> mistakes = List.of(
                new Mistake("linear-in-t", "You counted one score per token. There is one score per pair of tokens: "
                        + t + " × " + t + " per sequence, so the grid grows with the square of T.", counts(x, q, count(b, t))),
                new Mistake("scores-like-q", "You counted the scores as if they had Q's shape. Q·Kᵀ is T × T per"
                        + " sequence, not T × d_k.", counts(x, q, count(b, t, dk))),
                new Mistake("forgot-batch", "You counted one sequence. The batch holds " + b + " sequences, and each has"
                        + " its own X, Q and score grid.", counts(count(t, dModel), count(t, dk), Costs.scoreGridEntries(1, 1, t))),
                new Mistake("q-keeps-width", "You gave Q the width of X. Multiplying by Wq (" + dModel + "×" + dk
                        + ") makes each query " + dk + " numbers wide.", counts(x, count(b, t, dModel), scores)),
                new Mistake("batch-mixed", "You counted one grid over all " + (b * t) + " tokens of the batch. Each"
                        + " sequence has its own " + t + "×" + t + " grid; tokens never meet tokens of another sequence.",
                        counts(x, q, count(b * t, b * t))));
        return exercise(seed, prompt, List.of(), form, answer, hints, solution, mistakes);
    }

    private static long count(long... sizes) {
        long product = 1;
        for (long size : sizes) {
            product = Math.multiplyExact(product, size);
        }
        return product;
    }

    private static Matrix counts(long x, long q, long scores) {
        return Grids.row(new double[]{x, q, scores});
    }
}
