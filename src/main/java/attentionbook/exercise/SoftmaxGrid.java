package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;

/** Softmax: a small grid of scores, row by row (the axis learners most often get wrong). */
final class SoftmaxGrid extends AbstractExerciseKind {

    SoftmaxGrid() {
        super("softmax-grid", "Softmax row by row", "Softmax",
                Option.number("tokens", "how many tokens (the grid is tokens × tokens)", 3, 2, 3));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("columns", "whole-grid");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        double[][] cells = new double[t][t];
        int gap = 0;
        for (int r = 0; r < t; r++) {
            int base = draw.between(-1, 3);
            for (int c = 0; c < t; c++) {
                cells[r][c] = base + draw.between(0, 2);
            }
            gap = Math.max(gap, Exponentials.gap(cells[r]));
        }
        Matrix scores = Matrix.of(cells);
        Traced traced = Traced.fromScores(scores, t, false, false);
        Matrix weights = traced.matrix(Step.WEIGHTS, 0);

        List<String> prompt = List.of(
                "These scaled scores of " + t + " tokens are ready for softmax: row i holds the query of token i"
                        + " against every key.",
                "Compute the weights A = softmax(S). The exponentials you need (after subtracting each row's largest score) are given.");
        AnswerForm form = new AnswerForm("the weights A", t, t, Grids.numbers(t), Grids.numbers(t), Exponentials.ROUNDING, false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of("Softmax runs along each row on its own: within a row, subtract the row's largest"
                + " score, take exp, and divide by the row's sum. Every row of A sums to 1."));
        for (int r = 0; r < t - 1; r++) {
            hints.add(new WorkStep("Row " + (r + 1) + ":", traced.rowLines(Step.WEIGHTS, 0, r), null)
                    .with(Grids.vector("weights, row " + (r + 1), Integer.toString(r + 1), weights.row(r), 2)));
        }
        List<WorkStep> solution = new ArrayList<>();
        for (int r = 0; r < t; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + ":", traced.rowLines(Step.WEIGHTS, 0, r), null));
        }
        solution.add(WorkStep.of("So the weights are (each row sums to 1):").with(Grids.numbered("A", weights, 2)));

        double[] flat = new double[t * t];
        for (int r = 0; r < t; r++) {
            System.arraycopy(cells[r], 0, flat, r * t, t);
        }
        double[] all = Softmax.stable(flat);
        double[][] whole = new double[t][t];
        for (int r = 0; r < t; r++) {
            System.arraycopy(all, r * t, whole[r], 0, t);
        }
        double[][] exps = new double[t][];
        for (int r = 0; r < t; r++) {
            exps[r] = Exponentials.rounded(cells[r], 12);
        }
        List<Mistake> mistakes = List.of(
                new Mistake("columns", "You ran softmax down each column. With tokens as rows, each row (one query)"
                        + " is a distribution over the keys: softmax runs along the row, and each row sums to 1.",
                        Softmax.rows(scores.transpose()).transpose()),
                new Mistake("whole-grid", "You ran one softmax over the whole grid, so all the cells together sum"
                        + " to 1. Each row is its own softmax.", Matrix.of(whole)),
                new Mistake("not-normalised", "You stopped at the exponentials. Divide each by its row's sum so that"
                        + " every row adds up to 1.", Matrix.of(exps)));
        return exercise(seed, prompt, List.of(Grids.numbered("S", scores, 0), Exponentials.table(gap)), form, weights,
                hints, solution, mistakes);
    }
}
