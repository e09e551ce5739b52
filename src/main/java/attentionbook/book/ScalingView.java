package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.DotProductStats;
import attentionbook.attention.ScalingExperiment;
import attentionbook.attention.Softmax;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the scaling widget shows for one d_k: the core's seeded experiment (q and k with d_k
 * standard-normal components, drawn {@code samples} times), the spread of q·k before and after
 * dividing by √d_k as counts on one fixed axis, and one row of {@link #ROW} of those scores through
 * softmax with and without the division.
 *
 * @param sqrtDk    √d_k, the spread the raw q·k should have
 * @param raw       summary of q·k (standard deviation ≈ √d_k)
 * @param scaled    summary of q·k/√d_k (standard deviation ≈ 1)
 * @param histogram counts of both on the same axis
 * @param row       the first {@link #ROW} draws as one row of scores
 */
public record ScalingView(int dk, int samples, long seed, @JsonProperty("sqrt_dk") double sqrtDk,
                          DotProductStats.Summary raw, DotProductStats.Summary scaled, Histogram histogram, Row row) {

    /** Scores in the softmax row. */
    public static final int ROW = 6;
    /** The histogram's axis runs from −AXIS to AXIS: about 3 standard deviations of q·k at d_k = 1024. */
    public static final int AXIS = 100;
    public static final int BINS = 40;
    public static final int DEFAULT_SAMPLES = 1000;
    public static final long MAX_SEED = 1L << 48;

    /**
     * Counts of values in BINS equal bins from {@code from} to {@code to}; values beyond the axis are
     * counted in {@code rawOutside}/{@code scaledOutside}, not in an end bin.
     */
    public record Histogram(int from, int to, int bins, int[] raw, int[] scaled,
                            @JsonProperty("raw_outside") int rawOutside, @JsonProperty("scaled_outside") int scaledOutside) {
    }

    /** Scores q·k, the same divided by √d_k, and each row's softmax. */
    public record Row(double[] raw, double[] scaled, @JsonProperty("weights_raw") double[] weightsRaw,
                      @JsonProperty("weights_scaled") double[] weightsScaled) {
    }

    public static ScalingView of(int dk, int samples, long seed) {
        if (samples < ROW) {
            throw new MatrixJson.Invalid("\"samples\" must be at least " + ROW + ", not " + samples);
        }
        double[] products = ScalingExperiment.dotProducts(dk, samples, seed);
        double factor = Attention.scaleFactor(dk);
        double[] scaledProducts = new double[products.length];
        for (int s = 0; s < products.length; s++) {
            scaledProducts[s] = products[s] * factor;     // as ScalingExperiment scales each draw
        }
        int[] rawCounts = new int[BINS];
        int[] scaledCounts = new int[BINS];
        int rawOutside = count(products, rawCounts);
        int scaledOutside = count(scaledProducts, scaledCounts);
        double[] rowRaw = java.util.Arrays.copyOf(products, ROW);
        double[] rowScaled = java.util.Arrays.copyOf(scaledProducts, ROW);
        // the same summaries ScalingExperiment.sample gives, without drawing every sample twice
        return new ScalingView(dk, samples, seed, Math.sqrt(dk), DotProductStats.Summary.of(products),
                DotProductStats.Summary.of(scaledProducts),
                new Histogram(-AXIS, AXIS, BINS, rawCounts, scaledCounts, rawOutside, scaledOutside),
                new Row(rowRaw, rowScaled, Softmax.stable(rowRaw), Softmax.stable(rowScaled)));
    }

    /** Adds each value to its bin; returns how many fell outside the axis. */
    private static int count(double[] values, int[] bins) {
        double width = 2.0 * AXIS / BINS;
        int outside = 0;
        for (double value : values) {
            if (value < -AXIS || value >= AXIS) {
                outside++;
            } else {
                bins[(int) Math.floor((value + AXIS) / width)]++;
            }
        }
        return outside;
    }
}
