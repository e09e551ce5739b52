package attentionbook.attention;

import java.util.Random;

/**
 * Why attention divides by √d_k: if q and k have independent standard-normal components,
 * q·k = Σ qᵢkᵢ is a sum of d_k terms of variance 1, so Var(q·k) = d_k and its spread grows like √d_k.
 * Dividing by √d_k brings the variance back to 1, whatever d_k is.
 */
public final class ScalingExperiment {

    public static final int MAX_DK = 1024;
    public static final int MAX_SAMPLES = 10_000;

    private ScalingExperiment() {
    }

    /**
     * Draws q and k (each d_k standard-normal components, java.util.Random seeded with seed, so the
     * same seed always gives the same numbers) samples times and summarises q·k and q·k/√d_k.
     * dk: 1 … 1024; samples: 2 … 10000.
     */
    public static DotProductStats sample(int dk, int samples, long seed) {
        double[] raw = dotProducts(dk, samples, seed);      // q·k for each draw
        double factor = Attention.scaleFactor(dk);
        double[] scaled = new double[raw.length];
        for (int s = 0; s < raw.length; s++) {
            scaled[s] = raw[s] * factor;                    // q·k × 1/√d_k, as attention scales a score
        }
        return new DotProductStats(dk, samples, seed, DotProductStats.Summary.of(raw),
                DotProductStats.Summary.of(scaled));
    }

    /** The raw q·k of each draw, in draw order (for a histogram); same validation and seeding as {@link #sample}. */
    public static double[] dotProducts(int dk, int samples, long seed) {
        if (dk < 1 || dk > MAX_DK) {
            throw new IllegalArgumentException("d_k must be between 1 and " + MAX_DK + ", got " + dk);
        }
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 2 and " + MAX_SAMPLES + ", got " + samples);
        }
        Random random = new Random(seed);
        double[] products = new double[samples];
        double[] q = new double[dk];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < dk; i++) {
                q[i] = random.nextGaussian();               // qᵢ ~ N(0, 1)
            }
            double dot = 0.0;
            for (int i = 0; i < dk; i++) {
                dot += q[i] * random.nextGaussian();        // Σ qᵢ·kᵢ with kᵢ ~ N(0, 1)
            }
            products[s] = dot;
        }
        return products;
    }
}
