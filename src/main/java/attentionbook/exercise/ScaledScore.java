package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;

/** Scaling: one scaled score q·k / √d_k from a query and a key, in a model where √d_model ≠ d_k. */
final class ScaledScore extends AbstractExerciseKind {

    ScaledScore() {
        super("scaled-score", "One scaled score", "Scaling", Scaling.difficulty());
    }

    @Override
    List<String> required(Settings settings) {
        return Scaling.REQUIRED;
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        Scaling size = new Scaling(draw, settings.word("difficulty"));
        int bound = size.dk > 4 ? 1 : 3;        // longer vectors get smaller entries
        double[] qRow = draw.ints(1, size.dk, -1, bound).row(0);
        double[] kRow = draw.ints(1, size.dk, -1, bound).row(0);
        int i = draw.between(0, 3);
        int j = draw.between(0, 3);
        int t = Math.max(i, j) + 1;
        // queries and keys of t tokens, zero except the two the exercise is about
        Traced traced = Traced.fromQkv(Grids.placeRow(qRow, i, t), Grids.placeRow(kRow, j, t), Matrix.zeros(t, 1), 1, false, true);
        double raw = traced.matrix(Step.SCORES, 0).get(i, j);
        double scaled = traced.matrix(Step.SCALED, 0).get(i, j);
        String qi = "q" + Numbers.sub(i + 1);
        String kj = "k" + Numbers.sub(j + 1);
        String name = "s" + Numbers.sub(i + 1) + Numbers.sub(j + 1);

        List<String> prompt = List.of(
                size.sizeSentence() + " Below are one head's query for token " + (i + 1) + " and key for token " + (j + 1) + ".",
                "Compute the scaled score " + name + " = " + qi + "·" + kj + " / √d_k.");
        AnswerForm form = new AnswerForm("the scaled score " + name, 1, 1, List.of(name), List.of(name), size.rounding(), false);
        Table pair = new Table(qi + " and " + kj, Matrix.of(new double[][]{qRow, kRow}), List.of(qi, kj),
                Grids.numbers(size.dk), 0);

        List<WorkStep> hints = List.of(size.headWidthHint(),
                new WorkStep("The dot product first:", traced.lines(Step.SCORES, 0, i, j), null));
        List<WorkStep> solution = new ArrayList<>();
        solution.add(new WorkStep("The dot product " + qi + "·" + kj + ":", traced.lines(Step.SCORES, 0, i, j), null));
        solution.add(new WorkStep("d_k = " + size.dModel + " / " + size.heads + " = " + size.dk + "; scale by 1/√" + size.dk + ":",
                traced.lines(Step.SCALED, 0, i, j), null));

        return exercise(seed, prompt, List.of(pair), form, Grids.number(scaled), hints, solution,
                size.mistakes(Grids.number(raw)));
    }
}
