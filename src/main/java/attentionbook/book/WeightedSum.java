package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Explainer;
import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;
import attentionbook.attention.Step;
import attentionbook.attention.Term;
import attentionbook.attention.Explanation;
import attentionbook.attention.WeightedSumExplainer;

import java.util.List;

/**
 * One token's output as the weighted sum of the value vectors, for the weighted-sum widget: its row
 * of weights, V of the head, each value vector times its weight, and their sum (the head's output
 * row). The weighted vectors are the core's own products, the terms of each output cell's explanation.
 *
 * @param given    weights the reader typed instead (any non-negative numbers, not all 0), or null
 * @param weights  row {@code row} of the head's weights, or the given ones divided by their sum: one weight a token
 * @param values   V of the head, T×d_v
 * @param weighted weights[j]·values[j] for every token j, T×d_v
 * @param output   the head's output row, the column sums of weighted (added in order of j)
 */
public record WeightedSum(int row, int head, double[] given, double[] weights, double[][] values, double[][] weighted, double[] output) {

    public static WeightedSum of(Matrix x, AttentionSpec spec, AttentionTrace trace, int head, int row) {
        Matrix outputs = trace.heads().get(head).output();
        int tokens = x.rows();
        int dv = outputs.cols();
        double[][] weighted = new double[tokens][dv];
        double[][] values = new double[tokens][dv];
        for (int c = 0; c < dv; c++) {
            List<Term> terms = Explainer.explain(x, spec, trace, Step.HEAD_OUTPUT, head, row, c).terms(); // weights[row][j] × V[j][c]
            for (int j = 0; j < tokens; j++) {
                weighted[j][c] = terms.get(j).value();
                values[j][c] = terms.get(j).right();
            }
        }
        return new WeightedSum(row, head, null, trace.heads().get(head).weights().row(row), values, weighted, outputs.row(row));
    }

    /**
     * The same sum with weights the reader chose: divided by their sum so that they add up to 1, as
     * softmax's do. MatrixJson.Invalid (naming "weights") for a wrong count, a negative weight or all zeros.
     */
    public static WeightedSum given(AttentionSpec spec, AttentionTrace trace, int head, int row, double[] given) {
        int dv = spec.valueHeadWidth();
        int group = spec.kvGroup(head);                                  // with kv_heads < heads, head h reads group ⌊h·g/H⌋
        Matrix values = trace.v().columns(group * dv, (group + 1) * dv); // V_g   [T×d_v]
        if (given.length != values.rows()) {
            throw new MatrixJson.Invalid("\"weights\" holds " + given.length + " numbers but there are " + values.rows()
                    + " tokens: give one weight a token");
        }
        for (int j = 0; j < given.length; j++) {
            if (given[j] < 0) {
                throw new MatrixJson.Invalid("\"weights\" entry " + (j + 1) + " is " + MatrixJson.plain(given[j])
                        + ": a weight cannot be negative (softmax never gives one)");
            }
        }
        double total = Softmax.sumInOrder(given);
        if (total == 0 || !Double.isFinite(total)) {
            throw new MatrixJson.Invalid("\"weights\" " + (total == 0 ? "are all 0: give at least one token some weight"
                    : "are too large to add up: keep them below 1e300"));
        }
        double[] weights = new double[given.length];
        double[][] weighted = new double[given.length][dv];
        for (int j = 0; j < given.length; j++) {
            weights[j] = given[j] / total;                               // a_j = w_j / Σ w, so the a_j add up to 1
            for (int c = 0; c < dv; c++) {
                weighted[j][c] = weights[j] * values.get(j, c);          // a_j·v_j, the same product the core's sum makes
            }
        }
        double[] output = Matrix.of(new double[][]{weights}).times(values).row(0); // a·V_h   [1×T]·[T×d_v] = [1×d_v], summed in order of j
        return new WeightedSum(row, head, given.clone(), weights, values.toArray(), weighted, output);
    }

    /** The matrices of the widget a cell can be explained in: each with the cell's row and column (0-based). */
    public static final List<String> MATRICES = List.of("weights", "v", "weighted", "output");

    /**
     * The arithmetic behind one cell of one of the widget's matrices ({@link #MATRICES}): "weights" (row = token,
     * column 0), "v" and "weighted" (row = token, column of V), "output" (row 0). Attention's own cells are
     * explained as the core explains them; the products, and everything made from the reader's weights, by
     * {@link WeightedSumExplainer}. MatrixJson.Invalid for an unknown matrix or a cell outside it.
     */
    public Explanation explain(Matrix x, AttentionSpec spec, AttentionTrace trace, String matrix, int r, int c) {
        int tokens = values.length;
        int dv = output.length;
        if (!MATRICES.contains(matrix)) {
            throw new MatrixJson.Invalid("\"matrix\" is \"" + matrix + "\": it must be one of " + String.join(", ", MATRICES));
        }
        int rows = matrix.equals("output") ? 1 : tokens;
        int cols = matrix.equals("weights") ? 1 : dv;
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new MatrixJson.Invalid("the cell [" + r + ", " + c + "] is outside " + matrix + ", which is " + rows + "×" + cols
                    + " (rows and columns count from 0)");
        }
        int dvHead = spec.valueHeadWidth();
        return switch (matrix) {
            case "weights" -> given == null ? Explainer.explain(x, spec, trace, Step.WEIGHTS, head, row, r)
                    : WeightedSumExplainer.normalised(given, r);
            case "v" -> Explainer.explain(x, spec, trace, Step.V, head, r, spec.kvGroup(head) * dvHead + c);
            case "weighted" -> WeightedSumExplainer.product(row, r, c, weights[r], values[r][c]);
            default -> given == null ? Explainer.explain(x, spec, trace, Step.HEAD_OUTPUT, head, row, c)
                    : WeightedSumExplainer.output(row, weights, Matrix.of(values), c);
        };
    }
}
