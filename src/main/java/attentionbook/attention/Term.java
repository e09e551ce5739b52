package attentionbook.attention;

/**
 * One term of an explained computation, with exact (unrounded) numbers.
 * <ul>
 *   <li>A product (q, k, v, scores, scaled, head_output, output): value = left × right,
 *       and the values of an explanation's terms, added in order from 0.0, give the cell.
 *       For scaled, left is the score and right is 1/√d_k (1 when scaling is off).</li>
 *   <li>An exp term of a softmax (weights): left = the exponent argument sⱼ − max, right = 0.0 (unused),
 *       value = exp(left). The weight is the cell's term divided by the sum of all terms.</li>
 * </ul>
 */
public record Term(String label, double left, double right, double value) {
}
