package attentionbook.attention;

/**
 * The learned weights and switches of one attention layer (row-vector convention, Q = X·Wq):
 * <ul>
 *   <li>wq: d_model × (h·d_k); wk: d_model × (g·d_k); wv: d_model × (g·d_v)</li>
 *   <li>wo: (h·d_v) × d_out, or null for no output projection (output = concat)</li>
 *   <li>heads h ≥ 1; query head i takes the contiguous columns i·d_k … (i+1)·d_k−1 of Q</li>
 *   <li>kvHeads g: key/value heads, g divides h; query head i reads key/value group ⌊i·g/h⌋
 *       (g = h is multi-head attention, g = 1 multi-query)</li>
 *   <li>causal: row i sees only j ≤ i; window w (0 for none, needs causal): row i sees i − w &lt; j ≤ i</li>
 *   <li>rope: each head's q and k rows are rotated by their position before the scores (d_k even)</li>
 *   <li>scale: divide scores by √d_k (per head)</li>
 * </ul>
 * The constructor checks that the shapes fit together; each ShapeException names the matrices and their shapes.
 */
public record AttentionSpec(Matrix wq, Matrix wk, Matrix wv, Matrix wo, int heads, boolean causal, boolean scale,
                            int kvHeads, int window, boolean rope) {

    /** Plain multi-head attention: one key/value head per query head, no window, no rotation. */
    public AttentionSpec(Matrix wq, Matrix wk, Matrix wv, Matrix wo, int heads, boolean causal, boolean scale) {
        this(wq, wk, wv, wo, heads, causal, scale, heads, 0, false);
    }

    public AttentionSpec {
        requirePresent(wq, "wq");
        requirePresent(wk, "wk");
        requirePresent(wv, "wv");
        if (heads < 1) {
            throw new IllegalArgumentException("heads = " + heads + ": there must be at least one head");
        }
        ModernChecks.requireKvHeads(heads, kvHeads);
        ModernChecks.requireWindow(window, causal);
        if (wk.rows() != wq.rows()) {
            throw new ShapeException("wk is " + wk.shape() + " but wq is " + wq.shape()
                    + ": wq, wk and wv must have the same number of rows (d_model)");
        }
        if (wv.rows() != wq.rows()) {
            throw new ShapeException("wv is " + wv.shape() + " but wq is " + wq.shape()
                    + ": wq, wk and wv must have the same number of rows (d_model)");
        }
        if (kvHeads == heads && wk.cols() != wq.cols()) {
            throw new ShapeException("wk is " + wk.shape() + " but wq is " + wq.shape()
                    + ": queries and keys must have the same width");
        }
        if (wq.cols() % heads != 0) {
            throw new ShapeException("heads = " + heads + " does not divide the width of wq ("
                    + wq.cols() + "): wq is " + wq.shape());
        }
        ModernChecks.requireKeyWidth(wq, wk, heads, kvHeads);
        if (wv.cols() % kvHeads != 0) {
            throw new ShapeException((kvHeads == heads ? "heads = " + heads : "kv_heads = " + kvHeads)
                    + " does not divide the width of wv (" + wv.cols() + "): wv is " + wv.shape());
        }
        if (rope) {
            ModernChecks.requireEvenHeadWidth(wq.cols() / heads);
        }
        int concatWidth = wv.cols() / kvHeads * heads;
        if (wo != null && wo.rows() != concatWidth) {
            throw new ShapeException("wo is " + wo.shape() + " but wv is " + wv.shape()
                    + (kvHeads == heads ? ": wo must have one row per column of wv (" + wv.cols() + ")"
                    : ": wo must have one row per column of the concat of " + heads + " heads (h·d_v = " + concatWidth + ")"));
        }
        requireFinite(wq, "wq");
        requireFinite(wk, "wk");
        requireFinite(wv, "wv");
        if (wo != null) {
            requireFinite(wo, "wo");
        }
    }

    /** A single-head spec with scaling on and no mask and no output projection. */
    public static AttentionSpec singleHead(Matrix wq, Matrix wk, Matrix wv) {
        return new AttentionSpec(wq, wk, wv, null, 1, false, true);
    }

    /** d_model: the width of a token vector, the number of rows of wq, wk and wv. */
    public int dModel() {
        return wq.rows();
    }

    /** d_k: the width of one head's queries and keys, wq.cols / heads. */
    public int headWidth() {
        return wq.cols() / heads;
    }

    /** d_v: the width of one head's values, wv.cols / g. */
    public int valueHeadWidth() {
        return wv.cols() / kvHeads;
    }

    /** The width of the output: wo.cols, or h·d_v (the concat) when there is no wo. */
    public int outputWidth() {
        return wo == null ? heads * valueHeadWidth() : wo.cols();
    }

    /** The key/value group that query head i (0-based) reads: ⌊i·g/h⌋. */
    public int kvGroup(int head) {
        return head * kvHeads / heads;
    }

    /** True when the mask hides key j from query i (0-based): j after i, or outside the window. */
    public boolean hidden(int row, int col) {
        return causal && (CausalMask.hidden(row, col) || window > 0 && SlidingWindowMask.outside(row, col, window));
    }

    /** True when there is an output projection wo. */
    public boolean hasOutputProjection() {
        return wo != null;
    }

    private static void requirePresent(Matrix matrix, String name) {
        if (matrix == null) {
            throw new IllegalArgumentException(name + " is missing: attention needs wq, wk and wv");
        }
    }

    static void requireFinite(Matrix matrix, String name) {
        for (int r = 0; r < matrix.rows(); r++) {
            for (int c = 0; c < matrix.cols(); c++) {
                double value = matrix.get(r, c);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(name + " row " + (r + 1) + " column " + (c + 1)
                            + " is " + value + ": every input must be a finite number");
                }
            }
        }
    }
}
