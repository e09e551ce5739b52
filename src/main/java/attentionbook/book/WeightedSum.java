package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Explainer;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;
import attentionbook.attention.Term;

import java.util.List;

/**
 * One token's output as the weighted sum of the value vectors, for the weighted-sum widget: its row
 * of weights, V of the head, each value vector times its weight, and their sum (the head's output
 * row). The weighted vectors are the core's own products, the terms of each output cell's explanation.
 *
 * @param weights  row {@code row} of the head's weights: one weight a token
 * @param values   V of the head, T×d_v
 * @param weighted weights[j]·values[j] for every token j, T×d_v
 * @param output   the head's output row, the column sums of weighted (added in order of j)
 */
public record WeightedSum(int row, int head, double[] weights, double[][] values, double[][] weighted, double[] output) {

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
        return new WeightedSum(row, head, trace.heads().get(head).weights().row(row), values, weighted, outputs.row(row));
    }
}
