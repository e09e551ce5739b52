package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** Input shapes: the shape of Q, of the scores and of the output for a batch, from the shape rule. */
final class PipelineShapes extends AbstractExerciseKind {
    private static final List<String> ROWS = List.of("Q = X·Wq", "scores Q·Kᵀ", "output A·V");

    PipelineShapes() {
        super("pipeline-shapes", "Shapes through the pipeline", "Input shapes");
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("q-keeps-width", "scores-no-transpose", "scores-inner", "forgot-batch");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        BatchSizes sizes = BatchSizes.draw(draw, 8, 12, List.of(4, 6, 8, 12, 16), 8);
        int b = sizes.batch();
        int t = sizes.tokens();
        int dModel = sizes.dModel();
        int dk = sizes.dk();

        // The shapes come from running the core on zeros of these sizes: the shape rule, applied for real.
        List<Matrix> batch = new ArrayList<>();
        for (int s = 0; s < b; s++) {
            batch.add(Matrix.zeros(t, dModel));
        }
        Matrix w = Matrix.zeros(dModel, dk);
        List<AttentionTrace> traces = Attention.runBatch(batch, new AttentionSpec(w, w, w, null, 1, false, true));
        AttentionTrace one = traces.get(0);
        Matrix q = one.q();
        Matrix scores = one.heads().get(0).scores();
        Matrix out = one.output();
        int n = traces.size();
        Matrix answer = Matrix.of(new double[][]{
                {n, q.rows(), q.cols()}, {n, scores.rows(), scores.cols()}, {n, out.rows(), out.cols()}});

        List<String> prompt = List.of(
                "A batch X has shape [B, T, d_model] = " + Arithmetic.shape(b, t, dModel) + ": " + b + " sequences of " + t
                        + " tokens, each token a vector of " + dModel + " numbers. One attention head has Wq, Wk and Wv of shape "
                        + Arithmetic.shape(dModel, dk) + " (d_model × d_k).",
                "Give the shape of each result as [batch, rows, columns]: Q = X·Wq, the scores Q·Kᵀ, and the output A·V,"
                        + " where A holds the attention weights.");
        AnswerForm form = new AnswerForm("the three shapes", 3, 3, ROWS, List.of("batch", "rows", "columns"),
                Rounding.exact(0), false);

        String xShape = one.q().rows() + "×" + dModel;
        String qLine = "Q: " + Arithmetic.shapeProduct(xShape, w.shape(), q.shape()) + " for each of the " + n
                + " sequences, so Q is " + Arithmetic.shape(n, q.rows(), q.cols()) + ".";
        String sLine = "scores: K is " + one.k().shape() + ", so Kᵀ is " + one.k().transpose().shape() + " and Q·Kᵀ is "
                + Arithmetic.shapeProduct(q.shape(), one.k().transpose().shape(), scores.shape()) + ": "
                + Arithmetic.shape(n, scores.rows(), scores.cols()) + ".";
        String oLine = "output: A has the scores' shape and V is " + one.v().shape() + ", so A·V is "
                + Arithmetic.shapeProduct(scores.shape(), one.v().shape(), out.shape()) + ": "
                + Arithmetic.shape(n, out.rows(), out.cols()) + ".";
        List<WorkStep> hints = List.of(
                WorkStep.of("Work on one sequence, a " + xShape + " matrix, with the rule [A×B]·[B×C] = [A×C]. "
                        + "The weights are shared by all sequences, so every result starts with the batch size " + n + "."),
                WorkStep.of("For Q: one sequence is " + xShape + " and Wq is " + w.shape() + "; the rule gives Q's rows and columns."),
                WorkStep.of("For the scores: K has Q's shape, so Kᵀ swaps its rows and columns; apply the rule to Q·Kᵀ."));
        List<WorkStep> solution = List.of(
                WorkStep.of("The shape rule on one sequence, with the batch riding along in front:", qLine, sLine, oLine));

        List<Mistake> mistakes = List.of(
                new Mistake("q-keeps-width", "You kept d_model = " + dModel + " as the width of Q and of the output. "
                        + "Multiplying by Wq (" + w.shape() + ") replaces the width with Wq's number of columns, d_k = " + dk + ".",
                        shapes(n, t, dModel, t, t, t, dModel)),
                new Mistake("scores-no-transpose", "You gave the scores the shape of Q. The scores are Q·Kᵀ = ["
                        + q.shape() + "]·[" + one.k().transpose().shape() + "] = [" + scores.shape()
                        + "]: one score for every pair of tokens.", shapes(n, t, dk, t, dk, t, dk)),
                new Mistake("scores-inner", "You computed Qᵀ·K, a d_k × d_k grid. Attention compares tokens, so the "
                        + "token axis must survive: Q·Kᵀ is T × T.", shapes(n, t, dk, dk, dk, t, dk)),
                new Mistake("output-like-weights", "You gave the output the shape of the weights. A·V = ["
                        + scores.shape() + "]·[" + one.v().shape() + "] = [" + out.shape() + "]: each token gets a blend of"
                        + " value vectors, d_v wide.", shapes(n, t, dk, t, t, t, t)),
                new Mistake("batch-mixed", "You made one score grid over all " + (n * t) + " tokens of the batch. Tokens"
                        + " only meet the tokens of their own sequence: each sequence has its own " + t + "×" + t + " grid.",
                        shapes(n, t, dk, n * t, n * t, t, dk)),
                new Mistake("forgot-batch", "You left out the batch: your shapes are those of one sequence. X holds B = "
                        + n + " sequences and every result keeps them, so each shape starts with " + n + ".",
                        shapes(1, t, dk, t, t, t, dk)));
        return exercise(seed, prompt, List.of(), form, answer, hints, solution, mistakes);
    }

    private static Matrix shapes(int b, int qRows, int qCols, int sRows, int sCols, int oRows, int oCols) {
        return Matrix.of(new double[][]{{b, qRows, qCols}, {b, sRows, sCols}, {b, oRows, oCols}});
    }
}
