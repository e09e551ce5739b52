package attentionbook.attention;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A small property harness: each property runs over many inputs drawn from a seeded
 * SplittableRandom, so a failure names its try and seed and can be replayed exactly.
 */
final class Generated {

    static final int TRIES = 300;

    private Generated() {
    }

    /** Runs the property TRIES times; try t draws from new SplittableRandom(seed + t). */
    static void forAll(long seed, Consumer<SplittableRandom> property) {
        for (int t = 0; t < TRIES; t++) {
            try {
                property.accept(new SplittableRandom(seed + t));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + t + " (seed " + (seed + t) + "): "
                        + e.getMessage(), e);
            }
        }
    }

    static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A rows×cols matrix with entries uniform in [−bound, bound). */
    static Matrix matrix(SplittableRandom random, int rows, int cols, double bound) {
        double[][] cells = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r][c] = random.nextDouble(-bound, bound);
            }
        }
        return Matrix.of(cells);
    }

    /** A random spec: d_model 1–6, 1–3 heads of width 1–3, sometimes a wo, weights in [−1, 1). */
    static AttentionSpec spec(SplittableRandom random, boolean causal) {
        int dModel = between(random, 1, 6);
        int heads = between(random, 1, 3);
        int dk = between(random, 1, 3);
        int dv = between(random, 1, 3);
        Matrix wo = random.nextBoolean() ? matrix(random, heads * dv, between(random, 1, 4), 1.0) : null;
        return new AttentionSpec(matrix(random, dModel, heads * dk, 1.0), matrix(random, dModel, heads * dk, 1.0),
                matrix(random, dModel, heads * dv, 1.0), wo, heads, causal, random.nextBoolean());
    }

    /**
     * A random causal spec with the modern options: 1–4 query heads sharing a divisor g of them as
     * key/value heads, d_k even when rope is on, a window of 0 (none) to 5 tokens, sometimes a wo.
     */
    static AttentionSpec modernSpec(SplittableRandom random) {
        int dModel = between(random, 1, 5);
        int heads = between(random, 1, 4);
        int kvHeads = heads;
        while (random.nextBoolean() && kvHeads > 1) {
            kvHeads = largestProperDivisor(heads, kvHeads);
        }
        boolean rope = random.nextBoolean();
        int dk = rope ? 2 * between(random, 1, 2) : between(random, 1, 3);
        int dv = between(random, 1, 3);
        Matrix wo = random.nextBoolean() ? matrix(random, heads * dv, between(random, 1, 4), 1.0) : null;
        return new AttentionSpec(matrix(random, dModel, heads * dk, 1.0), matrix(random, dModel, kvHeads * dk, 1.0),
                matrix(random, dModel, kvHeads * dv, 1.0), wo, heads, true, random.nextBoolean(), kvHeads,
                between(random, 0, 5), rope);
    }

    private static int largestProperDivisor(int heads, int below) {
        for (int g = below - 1; g > 1; g--) {
            if (heads % g == 0) {
                return g;
            }
        }
        return 1;
    }

    /** T×d_model inputs for the spec, T from 1 to 7, entries in [−2, 2). */
    static Matrix input(SplittableRandom random, AttentionSpec spec) {
        return matrix(random, between(random, 1, 7), spec.dModel(), 2.0);
    }

    /** |a − e| ≤ tolerance·(1 + |e|) cell by cell. */
    static boolean close(Matrix expected, Matrix actual, double tolerance) {
        if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
            return false;
        }
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                double e = expected.get(r, c);
                if (!(Math.abs(actual.get(r, c) - e) <= tolerance * (1 + Math.abs(e)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
