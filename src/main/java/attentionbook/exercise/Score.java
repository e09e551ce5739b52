package attentionbook.exercise;

import attentionbook.attention.Explanation;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;
import attentionbook.attention.Term;

import java.util.ArrayList;
import java.util.List;

/** Scores: one score s_ij = q_i·k_j from given queries and keys. */
final class Score extends AbstractExerciseKind {

    Score() {
        super("score", "One score", "Scores",
                Option.number("tokens", "how many tokens Q and K hold", 3, 2, 4),
                Option.number("width", "d_k, the width of a query and a key", 3, 2, 4));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("query-key-swapped", "two-queries");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int tokens = settings.number("tokens");
        int width = settings.number("width");
        Matrix q = draw.intsNoZeroRow(tokens, width, -2, 3);
        Matrix k = draw.intsNoZeroRow(tokens, width, -2, 3);
        int i = draw.between(0, tokens - 1);
        int j = (i + draw.between(1, tokens - 1)) % tokens;   // j ≠ i
        Traced traced = Traced.fromQkv(q, k, k, 1, false, false);
        Matrix scores = traced.matrix(Step.SCORES, 0);
        String name = "s" + Numbers.sub(i + 1) + Numbers.sub(j + 1);
        String qi = "q" + Numbers.sub(i + 1);
        String kj = "k" + Numbers.sub(j + 1);

        List<String> prompt = List.of(
                "Q and K hold the queries and keys of " + tokens + " tokens, one a row (d_k = " + width + ").",
                "Compute the score " + name + " = " + qi + "·" + kj + ": how well the query of token " + (i + 1)
                        + " matches the key of token " + (j + 1) + ", before any scaling.");
        AnswerForm form = new AnswerForm("the score " + name, 1, 1, List.of(name), List.of(name), Rounding.exact(0), false);

        Explanation cell = traced.explain(Step.SCORES, 0, i, j);
        List<String> products = new ArrayList<>();
        for (Term term : cell.terms()) {
            products.add(Numbers.factor(term.left()) + "×" + Numbers.factor(term.right()) + " = " + Numbers.text(term.value()));
        }
        Table pair = new Table(qi + " and " + kj, Matrix.of(new double[][]{q.row(i), k.row(j)}), List.of(qi, kj),
                Grids.numbers(width), 0);
        List<WorkStep> hints = List.of(
                WorkStep.of(qi + " is row " + (i + 1) + " of Q and " + kj + " is row " + (j + 1) + " of K.").with(pair),
                new WorkStep("Multiply them entry by entry; the score is the sum of these products:", products, null));
        List<WorkStep> solution = List.of(new WorkStep("The dot product of " + qi + " and " + kj + ":",
                traced.lines(Step.SCORES, 0, i, j), null));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("query-key-swapped", "You computed q" + Numbers.sub(j + 1) + "·k" + Numbers.sub(i + 1)
                + ": the query of token " + (j + 1) + " against the key of token " + (i + 1) + ". " + name + " takes the"
                + " query from row " + (i + 1) + " of Q and the key from row " + (j + 1) + " of K.",
                Grids.number(scores.get(j, i))));
        mistakes.add(new Mistake("two-queries", "You used two queries, " + qi + "·q" + Numbers.sub(j + 1) + ". A score"
                + " compares a query with a key.", Grids.number(q.times(q.transpose()).get(i, j))));
        mistakes.add(new Mistake("two-keys", "You used two keys, k" + Numbers.sub(i + 1) + "·" + kj + ". A score"
                + " compares a query with a key.", Grids.number(k.times(k.transpose()).get(i, j))));
        if (i + 1 < tokens && j + 1 < tokens) {
            mistakes.add(new Mistake("counted-from-zero", "You used rows " + (i + 2) + " and " + (j + 2) + ". Tokens are"
                    + " counted from 1 here: " + qi + " is row " + (i + 1) + " of Q.", Grids.number(scores.get(i + 1, j + 1))));
        }
        return exercise(seed, prompt, List.of(Grids.byToken("Q", q, 0), Grids.byToken("K", k, 0)), form,
                Grids.number(scores.get(i, j)), hints, solution, mistakes);
    }
}
