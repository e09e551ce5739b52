package attentionbook.exercise;

import attentionbook.attention.CausalMask;
import attentionbook.attention.Matrix;
import attentionbook.attention.SlidingWindowMask;

import java.util.ArrayList;
import java.util.List;

/** Sliding windows: mask one row of scaled scores with a causal window of w tokens. */
final class WindowMaskRow extends AbstractExerciseKind {

    WindowMaskRow() {
        super("window-mask-row", "A row of a sliding-window mask", "Attention in today's models",
                Option.number("tokens", "how many tokens", 6, 5, 7));
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("window-one-too-wide", "window-one-too-narrow", "no-window", "window-both-ways");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int t = settings.number("tokens");
        int window = draw.between(2, 3);
        int row = draw.between(window, t - 2); // 0-based: far enough in for the window to hide something, with a future token
        Matrix scores = draw.ints(t, t, -3, 6);
        Matrix masked = Grids.rowOf(SlidingWindowMask.apply(scores, window), row);
        int i = row + 1;

        List<String> prompt = List.of(
                "A decoder layer uses a causal sliding window of $w = " + window + "$ tokens. These are the scaled scores of row "
                        + i + " (the query of token " + i + ") against all " + t + " tokens.",
                "Apply the mask: write the row with −∞ in every hidden cell (type -inf).");
        AnswerForm form = new AnswerForm("row " + i + ", masked", 1, t, List.of(Integer.toString(i)), Grids.numbers(t),
                Rounding.exact(0), true);
        Table given = Grids.vector("scaled scores, row " + i, Integer.toString(i), scores.row(row), 0);

        int first = Math.max(1, i - window + 1);
        List<WorkStep> hints = List.of(
                WorkStep.of("Row $i$ sees the tokens $j$ with $i - w < j \\le i$: itself and the $w - 1$ tokens before it. Nothing"
                        + " after it, as under any causal mask."),
                WorkStep.of("Here $i = " + i + "$ and $w = " + window + "$: which $j$ satisfy $" + i + " - " + window + " < j \\le " + i
                        + "$?"));
        List<WorkStep> solution = List.of(
                WorkStep.of("Row " + i + " keeps tokens " + first + "–" + i + " (" + window + " tokens, itself included); tokens 1–"
                        + (first - 1) + " are too far back and tokens " + (i + 1) + "–" + t + " are in the future:")
                        .with(Grids.vector("row " + i + ", masked", Integer.toString(i), masked.row(0), 0)));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("window-one-too-wide", "You kept " + (window + 1) + " tokens: the window counts the token itself,"
                + " so row $i$ sees $i - w < j \\le i$, which is $w$ tokens, not $w + 1$.",
                Grids.rowOf(SlidingWindowMask.apply(scores, window + 1), row)));
        mistakes.add(new Mistake("window-one-too-narrow", "You kept " + (window - 1) + (window == 2 ? " token" : " tokens")
                + ": the token itself is one of the $w$ in the window, so it sees $w - 1$ tokens before it, not $w - 2$.",
                Grids.rowOf(SlidingWindowMask.apply(scores, window - 1), row)));
        mistakes.add(new Mistake("no-window", "You applied the plain causal mask. The window also hides the tokens $j \\le i - w$,"
                + " too far back.", Grids.rowOf(CausalMask.apply(scores), row)));
        mistakes.add(new Mistake("window-both-ways", "You kept the tokens on both sides of row " + i + ". The window is causal:"
                + " tokens after the row stay hidden, as under the causal mask.", bothWays(scores, row, window)));
        mistakes.add(new Mistake("zeros", "You wrote 0 in the hidden cells. A hidden score is −∞, so that softmax gives it"
                + " exactly 0 weight; exp(0) = 1 would give it real weight.",
                masked.map(v -> v == Double.NEGATIVE_INFINITY ? 0 : v)));
        return exercise(seed, prompt, List.of(given), form, masked, hints, solution, mistakes);
    }

    /** The mistaken band |i − j| < w, which looks ahead as far as it looks back. */
    private static Matrix bothWays(Matrix scores, int row, int window) {
        double[] out = scores.row(row);
        for (int j = 0; j < out.length; j++) {
            if (Math.abs(row - j) >= window) {
                out[j] = Double.NEGATIVE_INFINITY;
            }
        }
        return Grids.row(out);
    }
}
