package attentionbook.exercise;

import java.util.List;

/**
 * The sizes of a batch for the shape exercises: B sequences of T tokens, d_model wide, projected to
 * d_k. T, d_model and d_k are drawn until they differ, so a learner who swaps two of them gives an
 * answer the checker can recognise.
 */
record BatchSizes(int batch, int tokens, int dModel, int dk) {

    static BatchSizes draw(Draw draw, int maxBatch, int maxTokens, List<Integer> widths, int maxDk) {
        BatchSizes sizes;
        do {
            sizes = new BatchSizes(draw.between(2, maxBatch), draw.between(3, maxTokens), draw.pick(widths), draw.between(2, maxDk));
        } while (sizes.tokens == sizes.dk || sizes.dk == sizes.dModel || sizes.tokens == sizes.dModel);
        return sizes;
    }
}
