package attentionbook.attention;

/**
 * What {@link ScalingExperiment#sample} measured: the distribution of q·k over random draws,
 * before (raw) and after (scaled) dividing by √d_k. Expect raw variance ≈ d_k and scaled variance ≈ 1.
 */
public record DotProductStats(int dk, int samples, long seed, Summary raw, Summary scaled) {

    /** Mean, variance (sample variance, divided by n − 1), standard deviation, min and max. */
    public record Summary(double mean, double variance, double standardDeviation, double min, double max) {

        /** The summary of these values (at least two). Welford's update keeps the variance accurate. */
        public static Summary of(double[] values) {
            if (values.length < 2) {
                throw new IllegalArgumentException("a variance needs at least 2 values, got " + values.length);
            }
            double mean = 0.0;
            double squares = 0.0; // Σ (x − mean)², updated as the mean moves
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < values.length; n++) {
                double value = values[n];
                double delta = value - mean;
                mean += delta / (n + 1);
                squares += delta * (value - mean);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            double variance = squares / (values.length - 1);
            return new Summary(mean, variance, Math.sqrt(variance), min, max);
        }
    }
}
