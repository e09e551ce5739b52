package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices of one exercise, from its seed and kind: SplittableRandom gives the same
 * sequence for the same seed on every JVM, so a seed printed on a worksheet regenerates the sheet.
 */
final class Draw {
    private final SplittableRandom random;

    Draw(String kind, long seed) {
        // String.hashCode is specified by the language, so this mix is stable too.
        this.random = new SplittableRandom(seed * 1_000_003L + kind.hashCode());
    }

    /** A whole number from min to max, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    boolean coin() {
        return random.nextBoolean();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** A rows×cols matrix of whole numbers from min to max. */
    Matrix ints(int rows, int cols, int min, int max) {
        double[][] cells = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r][c] = between(min, max);
            }
        }
        return Matrix.of(cells);
    }

    /** As {@link #ints}, redrawn until no row is all zeros (a zero row makes every product of it 0). */
    Matrix intsNoZeroRow(int rows, int cols, int min, int max) {
        while (true) {
            Matrix m = ints(rows, cols, min, max);
            if (!Grids.hasZeroRow(m)) {
                return m;
            }
        }
    }

    /**
     * True when the sizes above 1 are all different. Two equal sizes in one exercise (B = d_model,
     * h = d_k) leave a learner unable to tell which is which, and make two mistakes give one answer.
     */
    static boolean distinct(int... sizes) {
        for (int a = 0; a < sizes.length; a++) {
            for (int b = a + 1; b < sizes.length; b++) {
                if (sizes[a] > 1 && sizes[a] == sizes[b]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Splits {@code units} into {@code parts} whole pieces (some may be 0), in random order. */
    int[] split(int units, int parts) {
        int[] out = new int[parts];
        for (int u = 0; u < units; u++) {
            out[random.nextInt(parts)]++;
        }
        return out;
    }
}
