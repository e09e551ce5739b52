package attentionbook.exercise;

import attentionbook.attention.Costs;

import java.util.ArrayList;
import java.util.List;

/** The cost of attention: the score grids' size and the multiply-adds of one layer, both quadratic in T. */
final class AttentionCost extends AbstractExerciseKind {
    private static final List<String> COLUMNS = List.of("score cells", "multiply-adds");

    AttentionCost() {
        super("attention-cost", "What one layer of attention costs", "The cost of attention");
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("linear-in-t", "only-scores", "forgot-heads", "flops");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int batch;
        int heads;
        int tokens;
        int width;
        do {    // FLOPs count 2 per multiply-add, so 2 is taken too
            batch = draw.between(1, 3);
            heads = draw.between(2, 4);
            tokens = draw.pick(List.of(4, 5, 6, 8, 10));
            width = draw.pick(List.of(2, 4, 8));
        } while (!Draw.distinct(batch, heads, tokens, width, 2));
        long cells = Costs.scoreGridEntries(batch, heads, tokens);
        long madds = Costs.attentionMultiplyAdds(batch, heads, tokens, width, width);

        List<String> prompt = List.of(
                "One attention layer has h = " + heads + " heads with d_k = d_v = " + width + ", and reads "
                        + (batch == 1 ? "one sequence" : "a batch of " + batch + " sequences") + " of T = " + tokens + " tokens.",
                "How many cells do its score grids hold, and how many multiply-adds do Q·Kᵀ and A·V take, over every head"
                        + (batch == 1 ? "" : " and sequence") + "? (Leave out the projections and the softmax.)");
        AnswerForm form = new AnswerForm("the cost", 1, 2, List.of("count"), COLUMNS, Rounding.exact(0), false);

        long perHeadScores = Costs.scoreMultiplyAdds(tokens, width);
        long perHeadSum = Costs.weightedSumMultiplyAdds(tokens, width);
        String grid = "Each head of each sequence has a T×T grid: " + batch + " × " + heads + " × " + tokens + "² = " + Numbers.count(cells) + " cells.";
        String scores = "Q·Kᵀ: each of the " + tokens + "² scores is a dot product of length " + width + ": " + Numbers.count(perHeadScores)
                + " multiply-adds per head.";
        String sum = "A·V: each of the " + tokens + "×" + width + " outputs sums " + tokens + " products: " + Numbers.count(perHeadSum)
                + " per head.";
        String all = "In all: " + batch + " × " + heads + " × (" + Numbers.count(perHeadScores) + " + " + Numbers.count(perHeadSum) + ") = "
                + Numbers.count(madds) + " multiply-adds.";
        // Hints give the method, never a count the answer asks for.
        List<WorkStep> hints = List.of(
                WorkStep.of("A score grid has one cell for every pair of tokens, T × T, and every head"
                        + (batch == 1 ? "" : " of every sequence") + " has its own grid."),
                WorkStep.of("A multiply-add is one product added to a sum. Q·Kᵀ: each score is a dot product of length d_k."
                        + " A·V: each of the T × d_v outputs sums T products. Count one head, then multiply."));
        List<WorkStep> solution = List.of(WorkStep.of("Count one head, then every head and sequence:", grid, scores, sum, all));

        long linearCells = (long) batch * heads * tokens;
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake("linear-in-t", "You counted as if attention were linear in T. There is one score for every pair"
                        + " of tokens, T × T, so both counts grow with the square of T.",
                        Grids.row(new double[]{linearCells, linearCells * 2.0 * width})),
                new Mistake("only-scores", "You counted the multiply-adds of Q·Kᵀ only. The weighted sum A·V costs as many"
                        + " again (T² × d_v per head).", Grids.row(new double[]{cells, (double) batch * heads * perHeadScores})),
                new Mistake("forgot-heads", "You counted one head. Every head has its own score grid and its own products.",
                        Grids.row(new double[]{Costs.scoreGridEntries(batch, 1, tokens),
                                Costs.attentionMultiplyAdds(batch, 1, tokens, width, width)})),
                new Mistake("flops", "You counted FLOPs: a multiply and an add for each term, two operations where the"
                        + " question counts one multiply-add. Count each product-and-sum once.",
                        Grids.row(new double[]{cells, 2.0 * madds}))));
        if (batch > 1) {
            mistakes.add(new Mistake("forgot-batch", "You counted one sequence. Each of the " + batch + " sequences of"
                    + " the batch has its own score grids and its own products.",
                    Grids.row(new double[]{Costs.scoreGridEntries(1, heads, tokens),
                            Costs.attentionMultiplyAdds(1, heads, tokens, width, width)})));
        }
        return exercise(seed, prompt, List.of(), form, Grids.row(new double[]{cells, madds}), hints, solution, mistakes);
    }
}
