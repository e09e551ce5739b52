package attentionbook.attention;

/**
 * The sliding-window causal mask of width w: row i (a query) sees column j (a key) when i − w &lt; j ≤ i,
 * so each token sees itself and the w − 1 tokens before it. A window of T or more is the plain causal mask.
 */
public final class SlidingWindowMask {

    private SlidingWindowMask() {
    }

    /** True when j is too far back for row i: j ≤ i − w (0-based or 1-based alike). */
    public static boolean outside(int row, int col, int window) {
        return col <= row - window;
    }

    /** True when the cell is hidden: after the row (causal) or outside the window. */
    public static boolean hidden(int row, int col, int window) {
        return CausalMask.hidden(row, col) || outside(row, col, window);
    }

    /** masked = scaled + M, M = −∞ where hidden.   [T×T] → [T×T] */
    public static Matrix apply(Matrix scaled, int window) {
        requireWindow(window);
        if (scaled.rows() != scaled.cols()) {
            throw new ShapeException("the window mask needs a square T×T score grid, got " + scaled.shape());
        }
        double[][] out = new double[scaled.rows()][scaled.cols()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[i][j] = hidden(i, j, window) ? Double.NEGATIVE_INFINITY : scaled.get(i, j);
            }
        }
        return Matrix.of(out);
    }

    /** The mask itself: 0 where visible, −∞ where hidden.   [T×T] */
    public static Matrix mask(int tokens, int window) {
        if (tokens < 1) {
            throw new IllegalArgumentException("a mask needs at least one token, got " + tokens);
        }
        return apply(Matrix.of(new double[tokens][tokens]), window);
    }

    private static void requireWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window = " + window + ": a window is at least 1 token");
        }
    }
}
