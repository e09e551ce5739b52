package attentionbook.model;

/**
 * How a batch's sequences are stacked into one matrix of rows: sequence s holds rows
 * start(s) … start(s) + length(s) − 1, in the batch's order. The layers that treat each token on its
 * own (embeddings, norms, projections, MLP, unembedding) run over all the rows at once; attention runs
 * sequence by sequence, since the causal mask lets a token see only the earlier tokens of its own sequence.
 */
final class Rows {

    private int[] starts = new int[8];
    private int sequences;

    /** Forgets every sequence. */
    void clear() {
        sequences = 0;
    }

    /** Appends a sequence of length rows. */
    void add(int length) {
        if (sequences + 2 > starts.length) {
            starts = java.util.Arrays.copyOf(starts, 2 * starts.length);
        }
        starts[sequences + 1] = starts[sequences] + length;
        sequences++;
    }

    int sequences() {
        return sequences;
    }

    int start(int sequence) {
        return starts[sequence];
    }

    int length(int sequence) {
        return starts[sequence + 1] - starts[sequence];
    }

    /** Every sequence's rows together. */
    int total() {
        return starts[sequences];
    }
}
