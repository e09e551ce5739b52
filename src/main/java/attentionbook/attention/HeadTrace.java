package attentionbook.attention;

/**
 * Every intermediate of one head, each T×T except output (T×d_v):
 * scores = Q_h·K_hᵀ, scaled = scores/√d_k (or scores), masked (−∞ where hidden),
 * weights = softmax of masked row by row (exactly 0.0 where hidden), output = weights·V_h.
 */
public record HeadTrace(Matrix scores, Matrix scaled, Matrix masked, Matrix weights, Matrix output) {
}
