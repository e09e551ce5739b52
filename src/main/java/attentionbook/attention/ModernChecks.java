package attentionbook.attention;

/** The checks that grouped-query heads, sliding windows and rotary positions add to {@link AttentionSpec}. */
final class ModernChecks {

    private ModernChecks() {
    }

    /** g must be at least 1 and divide h, so that every key/value group serves the same number of query heads. */
    static void requireKvHeads(int heads, int kvHeads) {
        if (kvHeads < 1) {
            throw new IllegalArgumentException("kv_heads = " + kvHeads + ": there must be at least one key/value head");
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("kv_heads = " + kvHeads + " does not divide heads = " + heads
                    + ": each key/value head must serve the same number of query heads");
        }
    }

    /** A window counts tokens (at least 1, the token itself) and only makes sense under the causal mask. */
    static void requireWindow(int window, boolean causal) {
        if (window < 0) {
            throw new IllegalArgumentException("window = " + window + ": a window is at least 1 token (0 means none)");
        }
        if (window > 0 && !causal) {
            throw new IllegalArgumentException("window = " + window
                    + " needs causal = true: the sliding window limits how far back a causal row looks");
        }
    }

    /** wk must be d_model × (g·d_k), where d_k is one query head's width. */
    static void requireKeyWidth(Matrix wq, Matrix wk, int heads, int kvHeads) {
        int dk = wq.cols() / heads;
        if (wk.cols() != kvHeads * dk) {
            throw new ShapeException("wk is " + wk.shape() + " but wq is " + wq.shape() + " with heads = " + heads
                    + " and kv_heads = " + kvHeads + ": wk must have g·d_k = " + kvHeads + "·" + dk + " = "
                    + kvHeads * dk + " columns");
        }
    }

    /** RoPE turns pairs of coordinates, so d_k must be even. */
    static void requireEvenHeadWidth(int dk) {
        if (dk % 2 != 0) {
            throw new IllegalArgumentException("rope needs an even d_k, but d_k = " + dk
                    + ": rotary positions turn the coordinates of each head in pairs (2m, 2m+1)");
        }
    }
}
