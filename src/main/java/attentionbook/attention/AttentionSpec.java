package attentionbook.attention;

/**
 * The learned weights and switches of one attention layer (row-vector convention, Q = X·Wq):
 * <ul>
 *   <li>wq, wk: d_model × (h·d_k); wv: d_model × (h·d_v)</li>
 *   <li>wo: (h·d_v) × d_out, or null for no output projection (output = concat)</li>
 *   <li>heads h ≥ 1; head h takes the contiguous columns h·d_k … (h+1)·d_k−1</li>
 *   <li>causal: row i sees only j ≤ i; scale: divide scores by √d_k (per head)</li>
 * </ul>
 * The constructor checks that the shapes fit together; each ShapeException names the matrices and their shapes.
 */
public record AttentionSpec(Matrix wq, Matrix wk, Matrix wv, Matrix wo, int heads, boolean causal, boolean scale) {

    public AttentionSpec {
        requirePresent(wq, "wq");
        requirePresent(wk, "wk");
        requirePresent(wv, "wv");
        if (heads < 1) {
            throw new IllegalArgumentException("heads = " + heads + ": there must be at least one head");
        }
        if (wk.rows() != wq.rows()) {
            throw new ShapeException("wk is " + wk.shape() + " but wq is " + wq.shape()
                    + ": wq, wk and wv must have the same number of rows (d_model)");
        }
        if (wv.rows() != wq.rows()) {
            throw new ShapeException("wv is " + wv.shape() + " but wq is " + wq.shape()
                    + ": wq, wk and wv must have the same number of rows (d_model)");
        }
        if (wk.cols() != wq.cols()) {
            throw new ShapeException("wk is " + wk.shape() + " but wq is " + wq.shape()
                    + ": queries and keys must have the same width");
        }
        if (wq.cols() % heads != 0) {
            throw new ShapeException("heads = " + heads + " does not divide the width of wq ("
                    + wq.cols() + "): wq is " + wq.shape());
        }
        if (wv.cols() % heads != 0) {
            throw new ShapeException("heads = " + heads + " does not divide the width of wv ("
                    + wv.cols() + "): wv is " + wv.shape());
        }
        if (wo != null && wo.rows() != wv.cols()) {
            throw new ShapeException("wo is " + wo.shape() + " but wv is " + wv.shape()
                    + ": wo must have one row per column of wv (" + wv.cols() + ")");
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

    /** d_v: the width of one head's values, wv.cols / heads. */
    public int valueHeadWidth() {
        return wv.cols() / heads;
    }

    /** The width of the output: wo.cols, or wv.cols (h·d_v) when there is no wo. */
    public int outputWidth() {
        return wo == null ? wv.cols() : wo.cols();
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
