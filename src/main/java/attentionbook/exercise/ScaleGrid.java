package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;

/** Scaling: a whole score grid divided by √d_k. */
final class ScaleGrid extends AbstractExerciseKind {

    ScaleGrid() {
        super("scale-grid", "Scaling a score grid", "Scaling",
                Scaling.difficulty(),
                Option.number("tokens", "how many tokens", 3, 2, 3));
    }

    @Override
    List<String> required(Settings settings) {
        return Scaling.REQUIRED;
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        Scaling size = new Scaling(draw, settings.word("difficulty"));
        int t = settings.number("tokens");
        Matrix raw = draw.ints(t, t, -6, 12);
        Traced traced = Traced.fromScores(raw, size.dk, false, true);
        Matrix scaled = traced.matrix(Step.SCALED, 0);

        List<String> prompt = List.of(
                size.sizeSentence() + " One head's raw scores S = Q·Kᵀ for " + t + " tokens are below.",
                "Scale them: compute S / √d_k.");
        AnswerForm form = new AnswerForm("S / √d_k", t, t, Grids.numbers(t), Grids.numbers(t), size.rounding(), false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(size.headWidthHint());
        hints.add(new WorkStep("Every cell is multiplied by the same factor. Row 1:", traced.rowLines(Step.SCALED, 0, 0), null));
        List<WorkStep> solution = new ArrayList<>();
        solution.add(size.headWidthHint());
        for (int r = 0; r < t; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + ":", traced.rowLines(Step.SCALED, 0, r), null));
        }
        solution.add(WorkStep.of("So the scaled grid is:").with(Grids.numbered("S / √" + size.dk, scaled, 2)));
        return exercise(seed, prompt, List.of(Grids.numbered("S = Q·Kᵀ", raw, 0)), form, scaled, hints, solution,
                size.mistakes(raw));
    }
}
