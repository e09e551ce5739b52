package attentionbook.attention;

/**
 * The causal mask: row i (a query token) may look at column j (a key token) only when j ≤ i.
 * A token always sees itself; hidden cells become −∞ so that softmax gives them exactly 0.
 */
public final class CausalMask {

    private CausalMask() {
    }

    /** True when the cell is hidden: j > i (0-based or 1-based alike). */
    public static boolean hidden(int row, int col) {
        return col > row;
    }

    /** masked = scaled + M, where M is 0 for j ≤ i and −∞ for j > i.   [T×T] → [T×T] */
    public static Matrix apply(Matrix scaled) {
        requireSquare(scaled);
        return Matrix.of(cells(scaled.rows(), (i, j) -> hidden(i, j) ? Double.NEGATIVE_INFINITY : scaled.get(i, j)));
    }

    /** The mask M itself: 0 where allowed, −∞ where hidden.   [T×T] */
    public static Matrix mask(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("a mask needs at least one token, got " + tokens);
        }
        return Matrix.of(cells(tokens, (i, j) -> hidden(i, j) ? Double.NEGATIVE_INFINITY : 0.0));
    }

    private interface Cell {
        double value(int row, int col);
    }

    private static double[][] cells(int size, Cell cell) {
        double[][] out = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                out[i][j] = cell.value(i, j);
            }
        }
        return out;
    }

    private static void requireSquare(Matrix scaled) {
        if (scaled.rows() != scaled.cols()) {
            throw new ShapeException("the causal mask needs a square T×T score grid, got "
                    + scaled.shape());
        }
    }
}
