package attentionbook.exercise;

import java.util.List;

/**
 * The sizes of a batch for the shape exercises: B sequences of T tokens, d_model wide, projected to
 * d_k. All four, and B·T (the tokens of the whole batch), are drawn until they differ: with B = d_model the learner could not tell which axis
 * is which, and a learner who swaps two of them would give an answer the checker cannot recognise.
 */
record BatchSizes(int batch, int tokens, int dModel, int dk) {

    static BatchSizes draw(Draw draw, int maxBatch, int maxTokens, List<Integer> widths, int maxDk) {
        BatchSizes sizes;
        do {
            sizes = new BatchSizes(draw.between(2, maxBatch), draw.between(3, maxTokens), draw.pick(widths), draw.between(2, maxDk));
        } while (!Draw.distinct(sizes.batch, sizes.tokens, sizes.dModel, sizes.dk, sizes.batch * sizes.tokens));
        return sizes;
    }
}
