package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** Queries, keys and values: one token's q, k or v from small integer matrices. */
final class ProjectionRow extends AbstractExerciseKind {

    ProjectionRow() {
        super("projection-row", "One token's query, key or value", "Queries, keys and values",
                Projections.whichOption(),
                Option.number("tokens", "how many tokens X holds", 3, 2, 4),
                Option.number("width", "d_model, which is also d_k here", 3, 2, 3));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("rows-of-w", "counted-from-zero", "wrong-projection-1", "wrong-projection-2");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int tokens = settings.number("tokens");
        int width = settings.number("width");
        Projections p = new Projections(draw, tokens, width, settings.word("which"));
        int i = draw.between(0, tokens - 2);       // token i+1 exists, for the counted-from-zero mistake
        String name = p.letter() + Numbers.sub(i + 1);
        String weight = p.weightName(p.which);
        Matrix answer = Grids.rowOf(p.result(), i);

        List<String> prompt = List.of(
                "X holds " + tokens + " tokens, one a row, each " + width + " numbers wide. Wq, Wk and Wv are the"
                        + " query, key and value projections.",
                "Compute " + name + ", the " + p.role(p.which) + " of token " + (i + 1) + ": " + name + " = x"
                        + Numbers.sub(i + 1) + "·" + weight + ".");
        AnswerForm form = new AnswerForm(name, 1, width, List.of(name), Grids.numbers(width), Rounding.exact(0), false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of(name + " = x" + Numbers.sub(i + 1) + "·" + weight + ", and x" + Numbers.sub(i + 1)
                + " is row " + (i + 1) + " of X.").with(Grids.vector("x" + Numbers.sub(i + 1), "x" + Numbers.sub(i + 1), p.x.row(i), 0)));
        for (int c = 0; c < width - 1; c++) {
            hints.add(new WorkStep("Entry " + (c + 1) + ": x" + Numbers.sub(i + 1) + " times column " + (c + 1) + " of "
                    + weight + ".", p.traced.lines(p.step(), 0, i, c), null));
        }
        List<WorkStep> solution = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            solution.add(new WorkStep("Entry " + (c + 1) + " of " + name + ":", p.traced.lines(p.step(), 0, i, c), null));
        }
        solution.add(WorkStep.of("So " + name + " is:").with(Grids.vector(name, name, answer.row(0), 0)));

        List<Mistake> mistakes = new ArrayList<>();
        int n = 1;
        for (int other : p.others()) {
            mistakes.add(new Mistake("wrong-projection-" + n++, p.wrongProjectionText(other),
                    Grids.row(p.x.times(p.w[other]).row(i))));
        }
        mistakes.add(new Mistake("rows-of-w", p.rowsOfWText(), Grids.row(p.x.times(p.w[p.which].transpose()).row(i))));
        mistakes.add(new Mistake("counted-from-zero", "You used row " + (i + 2) + " of X. Tokens are counted from 1"
                + " here: token " + (i + 1) + " is row " + (i + 1) + ".", Grids.row(p.result().row(i + 1))));
        if (tokens == width) {
            Matrix column = Grids.row(p.x.column(i));
            mistakes.add(new Mistake("column-of-x", "You took column " + (i + 1) + " of X as the token. A token is a"
                    + " row of X.", column.times(p.w[p.which])));
        }
        return exercise(seed, prompt, p.given(), form, answer, hints, solution, mistakes);
    }
}
