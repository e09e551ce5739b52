package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Multi-head attention: one head's score grid after splitting Q and K into heads of width 2. */
final class HeadScores extends AbstractExerciseKind {
    private static final int HEAD_WIDTH = 2;

    HeadScores() {
        super("head-scores", "One head's scores", "Multi-head attention",
                Option.number("tokens", "how many tokens", 3, 2, 3),
                Option.number("heads", "how many heads (each 2 wide)", 2, 2, 3));
    }

    @Override
    List<String> required(Settings settings) {
        List<String> keys = new ArrayList<>(List.of("no-split", "interleaved"));
        for (int h = 1; h < settings.number("heads"); h++) {
            keys.add("other-head-" + h);
        }
        return keys;
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        int heads = settings.number("heads");
        int dModel = heads * HEAD_WIDTH;
        Matrix q = draw.intsNoZeroRow(t, dModel, -2, 3);
        Matrix k = draw.intsNoZeroRow(t, dModel, -2, 3);
        int head = draw.between(0, heads - 1);
        Traced traced = Traced.fromQkv(q, k, k, heads, false, false);
        Matrix scores = traced.matrix(Step.SCORES, head);
        int first = head * HEAD_WIDTH;
        String columns = "columns " + (first + 1) + "–" + (first + HEAD_WIDTH);
        String sh = "S" + Numbers.sub(head + 1);

        List<String> prompt = List.of(
                "Q and K hold the queries and keys of " + t + " tokens, " + dModel + " numbers wide. The layer has h = "
                        + heads + " heads, so each head gets d_k = " + dModel + " / " + heads + " = " + HEAD_WIDTH + " of the columns.",
                "Compute head " + (head + 1) + "'s score grid " + sh + " = Q" + Numbers.sub(head + 1) + "·K"
                        + Numbers.sub(head + 1) + "ᵀ, before scaling.");
        AnswerForm form = new AnswerForm(sh, t, t, Grids.numbers(t), Grids.numbers(t), Rounding.exact(0), false);

        Matrix qh = q.columns(first, first + HEAD_WIDTH);
        Matrix kh = k.columns(first, first + HEAD_WIDTH);
        List<WorkStep> hints = new ArrayList<>();
        hints.add(WorkStep.of("Heads take contiguous blocks of columns: head " + (head + 1) + " uses " + columns
                + " of Q and of K.").with(Grids.byToken("Q" + Numbers.sub(head + 1) + " (" + columns + " of Q)", qh, 0)));
        hints.add(WorkStep.of("And K" + Numbers.sub(head + 1) + ":").with(Grids.byToken("K" + Numbers.sub(head + 1)
                + " (" + columns + " of K)", kh, 0)));
        hints.add(new WorkStep("Row 1 of " + sh + ":", traced.rowLines(Step.SCORES, head, 0), null));
        List<WorkStep> solution = new ArrayList<>();
        solution.add(WorkStep.of("Head " + (head + 1) + " uses " + columns + " of Q and K. Each cell is a dot product of"
                + " length " + HEAD_WIDTH + ":"));
        for (int r = 0; r < t; r++) {
            solution.add(new WorkStep("Row " + (r + 1) + ":", traced.rowLines(Step.SCORES, head, r), null));
        }
        solution.add(WorkStep.of("So " + sh + " is:").with(Grids.numbered(sh, scores, 0)));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("no-split", "You used all " + dModel + " columns, the scores of a single big head."
                + " After the split, head " + (head + 1) + " sees only " + columns + ".", q.times(k.transpose())));
        int[] strided = IntStream.range(0, HEAD_WIDTH).map(c -> head + c * heads).toArray();
        mistakes.add(new Mistake("interleaved", "You took every " + ordinal(heads) + " column. A head takes a"
                + " contiguous block: head " + (head + 1) + " uses " + columns + ".",
                pick(q, strided).times(pick(k, strided).transpose())));
        int n = 1;
        for (int other = 0; other < heads; other++) {
            if (other != head) {
                mistakes.add(new Mistake("other-head-" + n++, "You computed head " + (other + 1) + "'s grid, from columns "
                        + (other * HEAD_WIDTH + 1) + "–" + (other * HEAD_WIDTH + HEAD_WIDTH) + ". Head " + (head + 1)
                        + " uses " + columns + ".", traced.matrix(Step.SCORES, other)));
            }
        }
        return exercise(seed, prompt, List.of(Grids.byToken("Q", q, 0), Grids.byToken("K", k, 0)), form, scores,
                hints, solution, mistakes);
    }

    private static Matrix pick(Matrix m, int[] columns) {
        List<Matrix> parts = new ArrayList<>();
        for (int c : columns) {
            parts.add(m.columns(c, c + 1));
        }
        return Matrix.concatColumns(parts);
    }

    private static String ordinal(int n) {
        return n == 2 ? "second" : n == 3 ? "third" : n + "th";
    }
}
