package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * One decoding step with a KV cache: three tokens are cached, a fourth arrives with its q and k, and
 * the learner scores the new query against the cached keys and the new one. The prompt also shows the
 * old queries, which the step must not use: that is the slip of caching Q.
 */
final class DecodeStep extends AbstractExerciseKind {
    private static final int CACHED = 3;
    private static final int WIDTH = 4;     // √d_k = 2, so every scaled score is a whole or half number

    DecodeStep() {
        super("decode-step", "One decoding step with a KV cache", "The KV cache");
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("cached-query", "old-query", "forgot-scale");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        Matrix oldQueries = draw.intsNoZeroRow(CACHED, WIDTH, -2, 2);
        Matrix cache = draw.intsNoZeroRow(CACHED, WIDTH, -2, 2);
        Matrix fresh = draw.intsNoZeroRow(2, WIDTH, -2, 2);       // q₄ and k₄
        Matrix q = Grids.rowOf(fresh, 0);
        Matrix keys = Matrix.of(new double[][]{cache.row(0), cache.row(1), cache.row(2), fresh.row(1)});
        double factor = Attention.scaleFactor(WIDTH);
        Matrix answer = q.times(keys.transpose()).scale(factor);   // [1×4]·[4×4] = token 4's row of scores
        int n = CACHED + 1;

        List<String> prompt = List.of(
                "A one-head decoder with $d_k = " + WIDTH + "$ has read tokens 1–" + CACHED + ". While it read them it computed"
                        + " their queries and their keys; the keys are in its cache.",
                "Token " + n + " arrives and the layer computes its q" + Numbers.sub(n) + " and k" + Numbers.sub(n)
                        + ". Give token " + n + "'s row of scaled scores $s_{" + n + "j} = q_" + n + " \\cdot k_j / \\sqrt{d_k}$"
                        + " for j = 1 … " + n + ".");
        List<Table> given = List.of(
                Grids.byToken("queries of tokens 1–3", oldQueries, 0),
                Grids.byToken("K cache", cache, 0),
                new Table("token 4", fresh, List.of("q" + Numbers.sub(n), "k" + Numbers.sub(n)), Grids.numbers(WIDTH), 0));
        AnswerForm form = new AnswerForm("token " + n + "'s scaled scores", 1, n, List.of("s" + Numbers.sub(n)), Grids.numbers(n),
                Rounding.exact(1), false);

        List<WorkStep> hints = List.of(
                WorkStep.of("The new row needs the new token's own query and every key: k₁ to k₃ are read from the cache as they are,"
                        + " and k" + Numbers.sub(n) + " is appended to it. No earlier query takes part."),
                WorkStep.of("Each score is a dot product of q" + Numbers.sub(n) + " with one key, divided by $\\sqrt{" + WIDTH
                        + "} = " + Numbers.text(1 / factor) + "$."));
        List<String> lines = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            lines.add("s" + Numbers.sub(n) + Numbers.sub(j + 1) + " = (" + Arithmetic.products(q.row(0), keys.row(j)) + ") / "
                    + Numbers.text(1 / factor) + " = " + Numbers.text(answer.get(0, j))
                    + (j < CACHED ? "   (k" + Numbers.sub(j + 1) + " from the cache)" : "   (the new key)"));
        }
        List<WorkStep> solution = List.of(
                WorkStep.of("Rows 1–" + CACHED + " of K are reused from the cache and k" + Numbers.sub(n) + " is appended; the old"
                        + " queries are not needed. Score q" + Numbers.sub(n) + " against the four keys:", lines.toArray(String[]::new))
                        .with(Grids.vector("token " + n + "'s scaled scores", "s" + Numbers.sub(n), answer.row(0), 1)));

        Matrix column = Matrix.of(new double[][]{oldQueries.row(0), oldQueries.row(1), oldQueries.row(2), q.row(0)})
                .times(Grids.rowOf(fresh, 1).transpose()).transpose().scale(factor);
        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("cached-query", "You scored the old queries against the new key: that is column " + n
                + " of the grid, not row " + n + ". Under the causal mask tokens 1–" + CACHED + " never look at token " + n
                + ", so their queries are never read again; that is why the cache keeps keys and values and not queries.",
                column));
        mistakes.add(new Mistake("old-query", "You used q" + Numbers.sub(CACHED) + ", the last query computed before. Each step"
                + " scores with the new token's own query q" + Numbers.sub(n) + "; past queries are not kept.",
                Grids.rowOf(oldQueries, CACHED - 1).times(keys.transpose()).scale(factor)));
        mistakes.add(new Mistake("forgot-scale", "You left out the scaling: divide each dot product by $\\sqrt{d_k} = "
                + Numbers.text(1 / factor) + "$.", q.times(keys.transpose())));
        return exercise(seed, prompt, given, form, answer, hints, solution, mistakes);
    }
}
