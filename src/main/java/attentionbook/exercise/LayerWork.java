package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worked solution of one step of a whole layer, from any grids for its inputs: the book's, or a
 * learner's own ("here is this step done with your Q and K"). Every number comes from
 * {@link LayerProblem#compute}; the lines only write out the arithmetic behind each cell.
 */
final class LayerWork {
    private LayerWork() {
    }

    /** The step worked from {@code basis}; {@code yours} names the learner's grids the work starts from (empty: the book's). */
    static List<WorkStep> of(LayerProblem p, LayerStep step, Map<LayerStep, List<Matrix>> basis, List<LayerStep> yours) {
        List<Matrix> result = p.compute(step, basis);
        List<WorkStep> out = new ArrayList<>();
        String from = yours.isEmpty() ? "" : " Starting from your own " + String.join(" and ",
                yours.stream().map(LayerStep::title).toList()) + ".";
        for (int h = 0; h < result.size(); h++) {
            String head = step.perHead() && p.heads() > 1 ? "Head " + (h + 1) + ": " : "";
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < result.get(h).rows(); r++) {
                lines.addAll(lines(p, step, basis, h, r, result.get(h)));
            }
            out.add(new WorkStep(head + method(p, step) + (h == 0 ? from : ""), lines, table(p, step, h, result.get(h))));
        }
        return out;
    }

    /** One sentence saying how the step is done. */
    static String method(LayerProblem p, LayerStep step) {
        return switch (step) {
            case Q, K, V -> "Row i of " + step.key().toUpperCase(java.util.Locale.ROOT) + " is row i of X times W_"
                    + step.key().toUpperCase(java.util.Locale.ROOT) + ": cell (i, c) is row i of X times column c of W_"
                    + step.key().toUpperCase(java.util.Locale.ROOT) + ".";
            case SCORES -> "Cell (i, j) is row i of Q times row j of K" + (p.heads() > 1 ? ", both within the head's "
                    + p.headWidth() + " columns" : "") + ": Q·Kᵀ.";
            case SCALED -> "Divide every score by √d_k = √" + p.headWidth() + " ≈ " + Numbers.fixed(Math.sqrt(p.headWidth()), 3, true) + ".";
            case MASKED -> "Row i keeps columns 1 to i; every cell to the right of the diagonal becomes −∞.";
            case WEIGHTS -> "Softmax along each row: subtract the row's largest visible score, take exp, divide by the row's sum"
                    + (p.causal() ? " (a −∞ cell gives 0)." : ".");
            case OUTPUT -> "Row i of the output is row i of the weights times V" + (p.heads() > 1
                    ? " within each head; the heads' outputs sit side by side." : ": a weighted mix of the value rows.");
        };
    }

    private static List<String> lines(LayerProblem p, LayerStep step, Map<LayerStep, List<Matrix>> basis, int h, int r,
                                      Matrix result) {
        List<String> lines = new ArrayList<>();
        switch (step) {
            case Q, K, V -> {
                Matrix w = step == LayerStep.Q ? p.wq() : step == LayerStep.K ? p.wk() : p.wv();
                for (int c = 0; c < result.cols(); c++) {
                    lines.add(cell(step, r, c) + " = " + products(p.x().row(r), w.column(c)) + " = " + Numbers.text(result.get(r, c)));
                }
            }
            case SCORES -> {
                Matrix q = p.head(basis.get(LayerStep.Q).get(0), h);
                Matrix k = p.head(basis.get(LayerStep.K).get(0), h);
                for (int c = 0; c < result.cols(); c++) {
                    lines.add("s" + Numbers.sub(r + 1) + Numbers.sub(c + 1) + " = q" + Numbers.sub(r + 1) + "·k" + Numbers.sub(c + 1)
                            + " = " + products(q.row(r), k.row(c)) + " = " + Numbers.text(result.get(r, c)));
                }
            }
            case SCALED -> {
                Matrix s = basis.get(LayerStep.SCORES).get(h);
                for (int c = 0; c < result.cols(); c++) {
                    lines.add(Numbers.text(s.get(r, c)) + " / √" + p.headWidth() + " = " + Numbers.fixed(result.get(r, c), 4, true));
                }
            }
            case MASKED -> lines.add("row " + (r + 1) + ": " + String.join(", ", row(result.row(r), 4)));
            case WEIGHTS -> {
                double[] in = basis.get(p.causal() ? LayerStep.MASKED : LayerStep.SCALED).get(h).row(r);
                double max = Softmax.max(in);
                if (max == Double.NEGATIVE_INFINITY) {
                    lines.add("row " + (r + 1) + ": every cell is −∞, so nothing is visible and the row has no softmax");
                    break;
                }
                double[] terms = Softmax.expTerms(in);
                lines.add("row " + (r + 1) + ": max = " + Numbers.text(max) + "; exp(s − max) = " + String.join(", ", row(terms, 4))
                        + "; sum = " + Numbers.fixed(Softmax.sumInOrder(terms), 4, true));
                lines.add("  weights = " + String.join(", ", row(result.row(r), 4)));
            }
            case OUTPUT -> {
                Matrix v = basis.get(LayerStep.V).get(0);
                for (int c = 0; c < result.cols(); c++) {
                    int head = c / p.headWidth();
                    double[] weights = basis.get(LayerStep.WEIGHTS).get(head).row(r);
                    lines.add(cell(step, r, c) + " = " + products(weights, v.column(c)) + " = " + Numbers.fixed(result.get(r, c), 4, true));
                }
            }
        }
        return lines;
    }

    private static String cell(LayerStep step, int r, int c) {
        String name = step == LayerStep.OUTPUT ? "o" : step.key();
        return name + Numbers.sub(r + 1) + Numbers.sub(c + 1);
    }

    /** "1×2 + 0×(−1) + 2×1", the left factors first rounded to 4 decimals (a row of weights). */
    private static String products(double[] a, double[] b) {
        double[] rounded = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            rounded[i] = Double.isFinite(a[i]) ? Math.round(a[i] * 1e4) / 1e4 : a[i];
        }
        return Arithmetic.products(rounded, b);
    }

    private static List<String> row(double[] values, int digits) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(Double.isNaN(v) ? "undefined" : Numbers.fixed(v, digits, true));
        }
        return out;
    }

    /** The step's grid as the book prints it. */
    static Table table(LayerProblem p, LayerStep step, int h, Matrix m) {
        String name = step.perHead() && p.heads() > 1 ? step.title() + ", head " + (h + 1) : step.title();
        int digits = step.rounding().decimals();
        return step.perHead() ? Grids.numbered(name, m, digits) : Grids.byToken(name, m, digits);
    }
}
