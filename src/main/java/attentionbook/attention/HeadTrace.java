package attentionbook.attention;

/**
 * Every intermediate of one head, each T×T except output (T×d_v):
 * scores = Q_h·K_gᵀ (after rotation when rope is on), scaled = scores/√d_k (or scores),
 * masked (−∞ where hidden), weights = softmax of masked row by row (exactly 0.0 where hidden),
 * output = weights·V_g. kvGroup is g, the key/value head this query head reads; qRotated and kRotated
 * (T×d_k) are the head's q and k after rotary positions, or null when rope is off.
 */
public record HeadTrace(Matrix scores, Matrix scaled, Matrix masked, Matrix weights, Matrix output,
                        int kvGroup, Matrix qRotated, Matrix kRotated) {

    /** A head built outside {@link Attention} without a key/value group (kvGroup −1) and without rotation. */
    public HeadTrace(Matrix scores, Matrix scaled, Matrix masked, Matrix weights, Matrix output) {
        this(scores, scaled, masked, weights, output, -1, null, null);
    }

    /** True when q and k were rotated by their positions before the scores. */
    public boolean rotated() {
        return qRotated != null;
    }
}
