package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** Queries, keys and values: a whole projection Q = X·Wq (or K, or V) from small integer matrices. */
final class ProjectionMatrix extends AbstractExerciseKind {

    ProjectionMatrix() {
        super("projection-matrix", "A whole projection", "Queries, keys and values",
                Projections.whichOption(),
                Option.number("tokens", "how many tokens X holds", 3, 2, 3),
                Option.number("width", "d_model, which is also d_k here", 2, 2, 3));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("rows-of-w", "wrong-projection-1", "wrong-projection-2");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int tokens = settings.number("tokens");
        int width = settings.number("width");
        Projections p = new Projections(draw, tokens, width, settings.word("which"));
        String big = p.letter().toUpperCase(java.util.Locale.ROOT);
        String weight = p.weightName(p.which);
        Matrix answer = p.result();

        List<String> prompt = List.of(
                "X holds " + tokens + " tokens, one a row, each " + width + " numbers wide. Wq, Wk and Wv are the"
                        + " query, key and value projections.",
                "Compute all of " + big + " = X·" + weight + ": the " + p.role(p.which) + " of every token.");
        AnswerForm form = new AnswerForm(big + " = X·" + weight, tokens, width, Grids.tokens(tokens), Grids.numbers(width),
                Rounding.exact(0), false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of("Row i of " + big + " is row i of X times " + weight + ": cell (i, c) is row i of X times"
                + " column c of " + weight + ". " + big + " has X's rows and " + weight + "'s columns: ["
                + p.x.shape() + "]·[" + p.w[p.which].shape() + "] = [" + answer.shape() + "]."));
        for (int r = 0; r < tokens - 1; r++) {
            hints.add(new WorkStep("Row " + (r + 1) + " of " + big + ":", p.traced.rowLines(p.step(), 0, r), null)
                    .with(Grids.vector("row " + (r + 1), big + Numbers.sub(r + 1), answer.row(r), 0)));
        }
        List<WorkStep> solution = new ArrayList<>();
        for (int r = 0; r < tokens; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + " (token " + (r + 1) + "):", p.traced.rowLines(p.step(), 0, r), null));
        }
        solution.add(WorkStep.of("So " + big + " is:").with(Grids.byToken(big, answer, 0)));

        List<Mistake> mistakes = new ArrayList<>();
        int n = 1;
        for (int other : p.others()) {
            mistakes.add(new Mistake("wrong-projection-" + n++, p.wrongProjectionText(other), p.x.times(p.w[other])));
        }
        mistakes.add(new Mistake("rows-of-w", p.rowsOfWText() + " (You computed X·" + weight + "ᵀ.)",
                p.x.times(p.w[p.which].transpose())));
        if (tokens == width) {
            mistakes.add(new Mistake("transposed-x", "You multiplied the columns of X, Xᵀ·" + weight + ". Each token is a"
                    + " row of X, and row i of " + big + " comes from row i of X.", p.x.transpose().times(p.w[p.which])));
        }
        return exercise(seed, prompt, p.given(), form, answer, hints, solution, mistakes);
    }
}
