package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;
import attentionbook.attention.Step;
import attentionbook.attention.Term;

import java.util.ArrayList;
import java.util.List;

/** Softmax: the weights of one short row of scores, with the exponentials given. */
final class SoftmaxRow extends AbstractExerciseKind {

    SoftmaxRow() {
        super("softmax-row", "Softmax of one row", "Softmax",
                Option.number("length", "how many scores the row holds", 3, 2, 4));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("not-normalised", "sign-flipped");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int n = settings.number("length");
        int base = draw.between(-2, 4);
        double[] row = new double[n];
        do {                                            // scores that differ, so the weights do too
            for (int j = 0; j < n; j++) {
                row[j] = base + draw.between(0, 3);
            }
        } while (Exponentials.gap(row) == 0);
        // Every row of the grid is the same row, so row 1 of the core's weights is its softmax.
        double[][] grid = new double[n][];
        for (int r = 0; r < n; r++) {
            grid[r] = row.clone();
        }
        Traced traced = Traced.fromScores(Matrix.of(grid), n, false, false);
        Matrix answer = Grids.rowOf(traced.matrix(Step.WEIGHTS, 0), 0);
        List<String> labels = new ArrayList<>();
        for (int j = 1; j <= n; j++) {
            labels.add("s" + Numbers.sub(1) + Numbers.sub(j));
        }

        List<String> prompt = List.of(
                "A query's scores against " + n + " keys, already scaled, are below.",
                "Compute their softmax: the " + n + " attention weights. Subtract the largest score first; the"
                        + " exponentials you need are given.");
        AnswerForm form = new AnswerForm("the weights", 1, n, List.of("weights"), labels, Exponentials.ROUNDING, false);
        Table scores = new Table("scores", Grids.row(row), List.of("s₁"), labels, 0);

        List<Term> terms = traced.explain(Step.WEIGHTS, 0, 0, 0).terms();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double[] shifted = new double[n];
        double[] exps = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            shifted[j] = terms.get(j).left();
            exps[j] = terms.get(j).value();
            sum += exps[j];
        }
        List<WorkStep> hints = List.of(
                WorkStep.of("The largest score is " + Numbers.text(max) + ". Subtract it from each score:")
                        .with(new Table("s − max", Grids.row(shifted), List.of("s − max"), labels, 0)),
                WorkStep.of("Take exp of each, using the table:")
                        .with(new Table("exp(s − max)", Grids.row(exps), List.of("exp"), labels, 4)),
                WorkStep.of("Their sum is " + Numbers.text(sum) + ". Divide each exponential by it."));
        List<WorkStep> solution = List.of(
                new WorkStep("Each weight is its exponential over the sum of all of them:", traced.rowLines(Step.WEIGHTS, 0, 0), null),
                WorkStep.of("So the weights are (they sum to 1):").with(new Table("weights", answer, List.of("weights"), labels, 2)));

        double[] flipped = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            flipped[j] = -row[j];
            total += row[j];
        }
        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("not-normalised", "You stopped at the exponentials. Softmax divides each one by"
                + " their sum, so that the weights add up to 1.", Grids.row(exps)));
        mistakes.add(new Mistake("sign-flipped", "You subtracted the wrong way round, exp(max − s), so the largest"
                + " score got the smallest weight. Use exp(s − max).", Grids.row(Softmax.stable(flipped))));
        if (total != 0) {
            double[] ratios = new double[n];
            for (int j = 0; j < n; j++) {
                ratios[j] = row[j] / total;
            }
            mistakes.add(new Mistake("no-exp", "You divided the scores by their sum without taking exponentials."
                    + " Softmax divides exp of each score by the sum of the exps.", Grids.row(ratios)));
        }
        mistakes.add(new Mistake("rounded-too-early", "You rounded the exponentials to 1 decimal before dividing."
                + " Keep at least 3 decimals until the last step.", Exponentials.normalised(Exponentials.rounded(row, 1))));
        return exercise(seed, prompt, List.of(scores, Exponentials.table(Exponentials.gap(row))), form, answer, hints,
                solution, mistakes);
    }
}
