package attentionbook.attention;

import static attentionbook.attention.Notation.factor;
import static attentionbook.attention.Notation.number;
import static attentionbook.attention.Notation.shortened;
import static attentionbook.attention.Notation.sub;
import static attentionbook.attention.Notation.sumOfProducts;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of the attention sublayer that lie outside attention itself, explained like
 * {@link Explainer}'s: a norm(X) cell, a residual X + output cell, and a rotary-rotated q or k cell.
 * Each value is the very number {@link AttentionLayer} or {@link Rope} computes. Indexes come in
 * 0-based; prose is 1-based.
 */
public final class LayerExplainer {

    private LayerExplainer() {
    }

    /**
     * n[i][c] = X[i][c] / √(mean_m X[i][m]² + ε). The terms are the squares X[i][m]·X[i][m] whose mean is
     * under the root (they add up to the row's sum of squares, not to the cell).
     */
    public static Explanation norm(Matrix x, int row, int col) {
        check(x, row, col, "X");
        double[] r = x.row(row);
        List<Term> squares = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        double sum = 0.0;
        for (int m = 0; m < r.length; m++) {
            squares.add(new Term("X[" + (row + 1) + "][" + (m + 1) + "]²", r[m], r[m], r[m] * r[m]));
            shown.add(factor(r[m]) + "²");
            sum += r[m] * r[m];
        }
        double root = Math.sqrt(sum / r.length + AttentionLayer.EPSILON);
        double value = AttentionLayer.rmsNorm(x).get(row, col);
        int i = row + 1;
        int c = col + 1;
        return new Explanation("norm", null, row, col, value,
                "n[" + i + "][" + c + "] = X[" + i + "][" + c + "] / √(mean of x" + sub(i) + "² + ε)", squares,
                number(r[col]) + " / √((" + shortened(shown) + ") / " + r.length + " + " + number(AttentionLayer.EPSILON)
                        + ") = " + number(r[col]) + " / " + number(root) + " = " + number(value),
                "token " + i + "'s row divided by its root mean square (over d_model = " + r.length
                        + " numbers, ε = " + number(AttentionLayer.EPSILON) + " keeps a row of zeros from 0/0), so every row"
                        + " reaches attention at the same scale");
    }

    /** X'[i][c] = X[i][c] + output[i][c]: the layer adds its update to the input rather than replacing it. */
    public static Explanation residual(AttentionLayer.Trace trace, int row, int col) {
        check(trace.x(), row, col, "X");
        double input = trace.x().get(row, col);
        double output = trace.attention().output().get(row, col);
        int i = row + 1;
        int c = col + 1;
        List<Term> terms = List.of(new Term("X[" + i + "][" + c + "]", input, 1.0, input),
                new Term("output[" + i + "][" + c + "]", output, 1.0, output));
        double value = trace.residual().get(row, col);
        return new Explanation("residual", null, row, col, value, "X′[" + i + "][" + c + "] = X[" + i + "][" + c + "] + output["
                        + i + "][" + c + "]", terms, number(input) + " + " + factor(output) + " = " + number(value),
                "the residual connection: token " + i + "'s input" + (trace.normed() == null ? "" : " (before the norm)")
                        + " plus what attention computed for it, column " + c);
    }

    /**
     * One cell of a head's rotated q or k block (T×d_k, unrotated rows in, row p at position p): pair
     * (2m, 2m+1) turned by the angle p·θ_m, θ_m = 10000^(−2m/d_k). name is "q" or "k".
     */
    public static Explanation rotated(String name, Matrix block, int head, int row, int col) {
        check(block, row, col, name);
        int dk = block.cols();
        ModernChecks.requireEvenHeadWidth(dk);
        int pair = col / 2;
        double angle = Rope.angle(row, pair, dk);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = block.get(row, 2 * pair);
        double b = block.get(row, 2 * pair + 1);
        boolean first = col % 2 == 0;
        String ai = name + "[" + (2 * pair + 1) + "]";
        String bi = name + "[" + (2 * pair + 2) + "]";
        List<Term> terms = first
                ? List.of(new Term(ai + " × cos", a, cos, a * cos), new Term(bi + " × (−sin)", b, -sin, b * -sin))
                : List.of(new Term(ai + " × sin", a, sin, a * sin), new Term(bi + " × cos", b, cos, b * cos));
        double value = Rope.rotateRow(block.row(row), row)[col];
        String tilde = name.equals("q") ? "q̃" : "k̃";
        return new Explanation(name + "_rotated", head, row, col, value,
                tilde + sub(row + 1) + "[" + (col + 1) + "] = " + (first ? ai + "·cos(pθ) − " + bi + "·sin(pθ)"
                        : ai + "·sin(pθ) + " + bi + "·cos(pθ)"),
                terms, sumOfProducts(terms, value),
                "rotary positions: token " + (row + 1) + " sits at position p = " + row + ", so pair " + (pair + 1)
                        + " (columns " + (2 * pair + 1) + "–" + (2 * pair + 2) + ") turns by p·θ = " + row + " × 10000^(−"
                        + 2 * pair + "/" + dk + ") = " + number(angle) + " radians");
    }

    /**
     * A cell of head h's rotated q (its own block of Q) or rotated k (the block of K of its key/value
     * group), read from a run's unrotated q and k: what the layer widget and the attention API explain.
     */
    public static Explanation rotated(AttentionTrace trace, AttentionSpec spec, boolean query, int head, int row, int col) {
        int dk = spec.headWidth();
        int block = query ? head : spec.kvGroup(head);
        Matrix unrotated = (query ? trace.q() : trace.k()).columns(block * dk, (block + 1) * dk);
        return rotated(query ? "q" : "k", unrotated, head, row, col);
    }

    private static void check(Matrix m, int row, int col, String name) {
        if (row < 0 || row >= m.rows() || col < 0 || col >= m.cols()) {
            throw new IllegalArgumentException("the cell [" + row + ", " + col + "] is outside " + name + ", which is "
                    + m.shape() + " (rows and columns count from 0)");
        }
    }
}
