package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Explainer;
import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;
import attentionbook.attention.Step;
import attentionbook.attention.Term;

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
        Matrix values = trace.v().columns(head * dv, (head + 1) * dv);   // V_h   [T×d_v]
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
        double[] output = Matrix.of(new double[][]{weights}).times(values).row(0); // a·V_h   [1×T]·[T×d_v] = [1×d_v]
        return new WeightedSum(row, head, given.clone(), weights, values.toArray(), weighted, output);
    }
}
