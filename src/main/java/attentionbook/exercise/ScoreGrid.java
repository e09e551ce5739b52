package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores: the whole grid Q·Kᵀ. Here d_k = T, so the product Q·K without the transpose is possible
 * too, and a learner who forgets the transpose gets numbers the checker can recognise.
 */
final class ScoreGrid extends AbstractExerciseKind {

    ScoreGrid() {
        super("score-grid", "The score grid", "Scores",
                Option.number("tokens", "how many tokens, which is also d_k here", 3, 2, 3));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("no-transpose", "grid-transposed", "two-queries");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        Matrix q = draw.intsNoZeroRow(t, t, -2, 3);
        Matrix k = draw.intsNoZeroRow(t, t, -2, 3);
        Traced traced = Traced.fromQkv(q, k, k, 1, false, false);
        Matrix scores = traced.matrix(Step.SCORES, 0);

        List<String> prompt = List.of(
                "Q and K hold the queries and keys of " + t + " tokens, one a row (d_k = " + t + ").",
                "Compute the score grid S = Q·Kᵀ: cell (i, j) says how well the query of token i matches the key of token j.");
        AnswerForm form = new AnswerForm("S = Q·Kᵀ", t, t, Grids.numbers(t), Grids.numbers(t), Rounding.exact(0), false);

        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of("Cell (i, j) is row i of Q times row j of K, entry by entry, added up. The transpose"
                + " turns the rows of K into the columns of Kᵀ: [" + q.shape() + "]·[" + k.transpose().shape() + "] = ["
                + scores.shape() + "]."));
        for (int r = 0; r < t - 1; r++) {
            hints.add(new WorkStep("Row " + (r + 1) + " (the query of token " + (r + 1) + " against every key):",
                    traced.rowLines(Step.SCORES, 0, r), null)
                    .with(Grids.vector("row " + (r + 1) + " of S", Integer.toString(r + 1), scores.row(r), 0)));
        }
        List<WorkStep> solution = new ArrayList<>();
        for (int r = 0; r < t; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + ":", traced.rowLines(Step.SCORES, 0, r), null));
        }
        solution.add(WorkStep.of("So the score grid is:").with(Grids.numbered("S = Q·Kᵀ", scores, 0)));

        List<Mistake> mistakes = List.of(
                new Mistake("no-transpose", "You multiplied Q by K without transposing K. That pairs rows of Q with"
                        + " columns of K; a score needs a row of Q (a query) with a row of K (a key), which Kᵀ turns into"
                        + " a column. (Q·K only has a shape here because d_k happens to equal T.)", q.times(k)),
                new Mistake("grid-transposed", "You computed K·Qᵀ, so your rows belong to keys and your columns to"
                        + " queries. Row i of S is the query of token i against every key.", k.times(q.transpose())),
                new Mistake("two-queries", "You computed Q·Qᵀ, comparing queries with queries. Scores compare"
                        + " queries with keys: Q·Kᵀ.", q.times(q.transpose())),
                new Mistake("two-keys", "You computed K·Kᵀ, comparing keys with keys. Scores compare queries with"
                        + " keys: Q·Kᵀ.", k.times(k.transpose())));
        return exercise(seed, prompt, List.of(Grids.byToken("Q", q, 0), Grids.byToken("K", k, 0)), form, scores,
                hints, solution, mistakes);
    }
}
