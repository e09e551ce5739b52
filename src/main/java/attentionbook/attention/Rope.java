package attentionbook.attention;

/**
 * Rotary position embedding: the row at position p (from 0) of one head's q or k has its coordinate pairs
 * (2m, 2m+1) turned by the angle p·θ_m, θ_m = 10000^(−2m/d_k):
 * <pre>
 *   x'[2m]   = x[2m]·cos(pθ_m) − x[2m+1]·sin(pθ_m)
 *   x'[2m+1] = x[2m]·sin(pθ_m) + x[2m+1]·cos(pθ_m)
 * </pre>
 * Rotations keep lengths, and q_p·k_r after rotation depends on p and r only through r − p.
 */
public final class Rope {

    /** The base of the frequencies, as in the RoFormer paper and most models since. */
    public static final double BASE = 10000.0;

    private Rope() {
    }

    /** θ_m = 10000^(−2m/d_k): the angle per position of pair m in a head of width d_k. */
    public static double frequency(int pair, int dk) {
        return Math.pow(BASE, -2.0 * pair / dk);
    }

    /** The angle that pair m of the row at position p is turned by: p·θ_m (radians). */
    public static double angle(int position, int pair, int dk) {
        return position * frequency(pair, dk);
    }

    /** Rotates each row of one head's block (T×d_k) by its row index as position.   [T×d_k] → [T×d_k] */
    public static Matrix rotate(Matrix head) {
        return rotate(head, 0);
    }

    /** As {@link #rotate(Matrix)}, with the first row at position offset (for the shift property). */
    public static Matrix rotate(Matrix head, int offset) {
        int dk = head.cols();
        ModernChecks.requireEvenHeadWidth(dk);
        double[][] out = new double[head.rows()][dk];
        for (int p = 0; p < head.rows(); p++) {
            out[p] = rotateRow(head.row(p), offset + p);
        }
        return Matrix.of(out);
    }

    /** One row (d_k even) turned as the token at position p. */
    public static double[] rotateRow(double[] row, int position) {
        ModernChecks.requireEvenHeadWidth(row.length);
        double[] out = new double[row.length];
        for (int m = 0; m < row.length / 2; m++) {
            double angle = angle(position, m, row.length);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double a = row[2 * m];
            double b = row[2 * m + 1];
            out[2 * m] = a * cos - b * sin;
            out[2 * m + 1] = a * sin + b * cos;
        }
        return out;
    }
}
