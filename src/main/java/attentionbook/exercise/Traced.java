package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Explainer;
import attentionbook.attention.Explanation;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * An exercise's numbers run through the core's attention, so that answers come from
 * {@link Attention#run} and worked solutions from {@link Explainer}, cell by cell.
 */
final class Traced {
    final Matrix x;
    final AttentionSpec spec;
    final AttentionTrace trace;

    private Traced(Matrix x, AttentionSpec spec) {
        this.x = x;
        this.spec = spec;
        this.trace = Attention.run(x, spec);
    }

    /** Real inputs: X and the projections. */
    static Traced of(Matrix x, AttentionSpec spec) {
        return new Traced(x, spec);
    }

    /**
     * Attention that starts from given queries, keys and values: X = [Q | K | V] side by side, and
     * each projection picks its block out of X with ones and zeros, so Q = X·Wq is exactly Q (and so
     * on) and every later step is the core's own. The head width is Q's width / heads.
     */
    static Traced fromQkv(Matrix q, Matrix k, Matrix v, int heads, boolean causal, boolean scale) {
        int width = q.cols() + k.cols() + v.cols();
        Matrix x = Matrix.concatColumns(List.of(q, k, v));
        Matrix wq = selector(width, 0, q.cols());
        Matrix wk = selector(width, q.cols(), k.cols());
        Matrix wv = selector(width, q.cols() + k.cols(), v.cols());
        return new Traced(x, new AttentionSpec(wq, wk, wv, null, heads, causal, scale));
    }

    /**
     * Attention whose score grid is exactly the given integer grid S (T×T): Q = [S | 0], K = [I | 0],
     * both {@code headWidth} wide (at least T), so Q·Kᵀ = S and scaling uses 1/√headWidth.
     */
    static Traced fromScores(Matrix scores, int headWidth, boolean causal, boolean scale) {
        int t = scores.rows();
        Matrix q = Grids.padColumns(scores, headWidth);
        Matrix k = Grids.identityRows(t, headWidth);
        return fromQkv(q, k, Matrix.identity(t), 1, causal, scale);
    }

    /** width×count: ones at (from + c, c), zeros elsewhere. */
    private static Matrix selector(int width, int from, int count) {
        double[][] cells = new double[width][count];
        for (int c = 0; c < count; c++) {
            cells[from + c][c] = 1;
        }
        return Matrix.of(cells);
    }

    Matrix matrix(Step step, int head) {
        return trace.matrix(step, head);
    }

    Explanation explain(Step step, int head, int row, int col) {
        return Explainer.explain(x, spec, trace, step, head, row, col);
    }

    /** The formula and the arithmetic of one cell, as two lines ("[head 1]" dropped when there is one head). */
    List<String> lines(Step step, int head, int row, int col) {
        Explanation e = explain(step, head, row, col);
        List<String> lines = new ArrayList<>();
        lines.add(tidy(e.formula()));
        String arithmetic = tidy(e.arithmetic());
        if (arithmetic.startsWith("max = ") && arithmetic.contains("; ")) {
            // a softmax cell: "max = 3; 0.37 / (…) = …" reads better as two lines
            lines.add(arithmetic.substring(0, arithmetic.indexOf("; ")));
            arithmetic = arithmetic.substring(arithmetic.indexOf("; ") + 2);
        }
        lines.add("= " + arithmetic);
        return lines;
    }

    /** The lines of every cell of one row, in column order. */
    List<String> rowLines(Step step, int head, int row) {
        List<String> lines = new ArrayList<>();
        Matrix m = matrix(step, head);
        for (int c = 0; c < m.cols(); c++) {
            lines.addAll(lines(step, head, row, c));
        }
        return lines;
    }

    private String tidy(String text) {
        return spec.heads() == 1 ? text.replace("[head 1]", "") : text;
    }
}
