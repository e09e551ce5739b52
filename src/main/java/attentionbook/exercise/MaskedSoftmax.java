package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;
import attentionbook.attention.Step;
import attentionbook.attention.Term;

import java.util.ArrayList;
import java.util.List;

/** Masking: one row of weights under the causal mask, with the exponentials given. */
final class MaskedSoftmax extends AbstractExerciseKind {

    MaskedSoftmax() {
        super("masked-softmax", "Weights under the causal mask", "Masking",
                Option.number("tokens", "how many tokens", 3, 3, 4));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("after-softmax", "hid-diagonal", "no-mask");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        int i = draw.between(1, t - 2);                 // a row with hidden cells and at least two visible ones
        Matrix others = draw.ints(t, t, -2, 4);
        double[][] cells = others.toArray();
        int base = draw.between(-1, 2);
        int top;
        do {                                            // visible scores that differ, so the weights do too
            top = base;
            for (int j = 0; j <= i; j++) {
                cells[i][j] = base + draw.between(0, 3);
                top = Math.max(top, (int) cells[i][j]);
            }
        } while (Exponentials.gap(java.util.Arrays.copyOf(cells[i], i + 1)) == 0);
        for (int j = i + 1; j < t; j++) {
            cells[i][j] = top + draw.between(-1, 2);    // hidden cells that would take real weight if left visible
        }
        Matrix scores = Matrix.of(cells);
        Traced traced = Traced.fromScores(scores, t, true, false);
        Matrix weights = traced.matrix(Step.WEIGHTS, 0);
        double[] row = scores.row(i);
        double[] maskedRow = traced.matrix(Step.MASKED, 0).row(i);
        int gap = Exponentials.gap(maskedRow);
        String rowName = "row " + (i + 1);

        List<String> prompt = List.of(
                "These scaled scores of " + t + " tokens go through the causal mask and then softmax.",
                "Compute " + rowName + " of the weights: one weight for each of the " + t + " tokens (a hidden token"
                        + " gets weight 0). Subtract the row's largest visible score first; the exponentials you need are given.");
        AnswerForm form = new AnswerForm("weights, " + rowName, 1, t, List.of(rowName), Grids.numbers(t),
                Exponentials.ROUNDING, false);

        List<Term> terms = traced.explain(Step.WEIGHTS, 0, i, 0).terms();
        double[] exps = new double[t];
        double sum = 0;
        for (int j = 0; j < terms.size(); j++) {
            exps[j] = terms.get(j).value();             // one term a visible cell, in column order
            sum += exps[j];
        }
        List<WorkStep> hints = List.of(
                WorkStep.of("Mask first: " + rowName + " keeps columns 1–" + (i + 1) + "; the later columns become −∞.")
                        .with(Grids.vector("masked " + rowName, Integer.toString(i + 1), maskedRow, 0)),
                WorkStep.of("Subtract the largest visible score and take exp; a hidden cell gives exp(−∞) = 0.")
                        .with(Grids.vector("exp(s − max)", Integer.toString(i + 1), exps, 4)),
                WorkStep.of("Their sum is " + Numbers.text(sum) + "; divide each by it."));
        List<WorkStep> solution = new ArrayList<>();
        solution.add(WorkStep.of("Mask, then softmax " + rowName + ":").with(Grids.vector("masked " + rowName,
                Integer.toString(i + 1), maskedRow, 0)));
        solution.add(new WorkStep("Each weight:", traced.rowLines(Step.WEIGHTS, 0, i), null));
        solution.add(WorkStep.of("So " + rowName + " of the weights is:").with(Grids.vector("weights, " + rowName,
                Integer.toString(i + 1), weights.row(i), 2)));

        double[] afterSoftmax = Softmax.stable(row);
        for (int j = i + 1; j < t; j++) {
            afterSoftmax[j] = 0;
        }
        List<Mistake> mistakes = List.of(
                new Mistake("after-softmax", "You ran softmax over the whole row and zeroed the hidden weights"
                        + " afterwards, so your row no longer sums to 1. Mask first (−∞), then softmax, and the visible"
                        + " weights share all of the 1.", Grids.row(afterSoftmax)),
                new Mistake("hid-diagonal", "You hid token " + (i + 1) + " itself. A token always sees itself: row "
                        + (i + 1) + " keeps columns 1 to " + (i + 1) + ".", Grids.row(Softmax.stable(hide(row, i, true)))),
                new Mistake("no-mask", "You left the later tokens visible. The causal mask hides every token after the"
                        + " row's own before softmax.", Grids.row(Softmax.stable(row))),
                new Mistake("wrong-side", "You hid the earlier tokens instead of the later ones. Row " + (i + 1)
                        + " sees tokens 1 to " + (i + 1) + ".", Grids.row(Softmax.stable(hide(row, i, false)))),
                new Mistake("rounded-too-early", "You rounded the exponentials to 1 decimal before dividing. Keep at"
                        + " least 3 decimals until the last step.", Exponentials.normalised(Exponentials.rounded(maskedRow, 1))));
        return exercise(seed, prompt, List.of(Grids.numbered("scaled scores", scores, 0), Exponentials.table(gap)), form,
                Grids.rowOf(weights, i), hints, solution, mistakes);
    }

    /** The row with −∞ where a mistaken mask hides: j ≥ i (the diagonal too) or j < i (the wrong side). */
    private static double[] hide(double[] row, int i, boolean diagonal) {
        double[] out = row.clone();
        for (int j = 0; j < out.length; j++) {
            if (diagonal ? j >= i : j < i) {
                out[j] = Double.NEGATIVE_INFINITY;
            }
        }
        return out;
    }
}
