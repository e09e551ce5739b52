package attentionbook.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * softmax(s)·V for one row of scores, read a tile of columns at a time without ever holding the whole
 * row of weights (FlashAttention's recurrence). After each tile it keeps only
 * <pre>
 *   m   the largest score so far
 *   ℓ   Σ exp(sⱼ − m) over the scores so far
 *   acc Σ exp(sⱼ − m)·vⱼ over the scores so far   (a d_v-long row)
 * </pre>
 * and when a tile raises the maximum from m_old to m_new, the old ℓ and acc are multiplied by
 * exp(m_old − m_new) so every term is measured against the same maximum. At the end acc / ℓ equals
 * softmax(s)·V. A score of −∞ (a hidden cell) adds nothing.
 */
public final class OnlineSoftmax {

    /** The running state of one row: m, ℓ and acc, changed in place by {@link #absorb}. */
    public static final class Running {
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        private final double[] acc;
        private double lastRescale = 1.0;

        public Running(int valueWidth) {
            if (valueWidth < 1) {
                throw new IllegalArgumentException("the values need at least one column, got " + valueWidth);
            }
            acc = new double[valueWidth];
        }

        /**
         * Takes in one tile: tileScores[0 … count−1], paired with values[firstValue … firstValue+count−1].
         * m_new = max(m_old, max of the tile); ℓ, acc ×= exp(m_old − m_new); then each score adds
         * exp(sⱼ − m_new) to ℓ and exp(sⱼ − m_new)·vⱼ to acc.
         */
        public void absorb(double[] tileScores, int count, double[][] values, int firstValue) {
            double tileMax = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                tileMax = Math.max(tileMax, tileScores[j]);
            }
            double newMax = Math.max(max, tileMax);
            if (newMax == Double.NEGATIVE_INFINITY) {
                lastRescale = 1.0;                       // nothing visible yet: no scale to measure against
                return;
            }
            // exp(m_old − m_new) ≤ 1; exactly 0 before the first visible score (m_old = −∞, ℓ = acc = 0)
            double rescale = max == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(max - newMax);
            sum *= rescale;
            for (int c = 0; c < acc.length; c++) {
                acc[c] *= rescale;
            }
            for (int j = 0; j < count; j++) {
                if (tileScores[j] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double term = Math.exp(tileScores[j] - newMax);  // eⱼ = exp(sⱼ − m_new) ∈ (0, 1]
                sum += term;
                double[] v = values[firstValue + j];
                for (int c = 0; c < acc.length; c++) {
                    acc[c] += term * v[c];
                }
            }
            max = newMax;
            lastRescale = rescale;
        }

        public double max() {
            return max;
        }

        public double sum() {
            return sum;
        }

        /** The factor the last tile multiplied the old ℓ and acc by (0 for the first visible tile). */
        public double lastRescale() {
            return lastRescale;
        }

        /** A copy of acc, the unnormalised output Σ exp(sⱼ − m)·vⱼ. */
        public double[] accumulator() {
            return acc.clone();
        }

        /** acc / ℓ: softmax·V over the scores taken in so far. IllegalStateException before any visible score. */
        public double[] output() {
            if (sum == 0.0) {
                throw new IllegalStateException("no visible score yet: softmax over nothing would be 0/0");
            }
            double[] out = new double[acc.length];
            for (int c = 0; c < acc.length; c++) {
                out[c] = acc[c] / sum;
            }
            return out;
        }

        /** Writes acc / ℓ into out (no copy): the tiled attention's inner loop. */
        void outputInto(double[] out) {
            for (int c = 0; c < acc.length; c++) {
                out[c] = acc[c] / sum;
            }
        }
    }

    /**
     * The state after one tile.
     *
     * @param from        first column of the tile (0-based)
     * @param to          one past its last column
     * @param tileMax     the largest score in the tile
     * @param previousMax m before the tile (−∞ before the first)
     * @param max         m after it
     * @param rescale     exp(m_old − m_new), what the old ℓ and acc were multiplied by (0 for the first tile)
     * @param sum         ℓ after it
     * @param accumulator acc after it: Σ exp(sⱼ − m)·vⱼ over the columns so far
     * @param partial     acc / ℓ: softmax·V over the columns so far
     */
    public record TileStep(int from, int to, double tileMax, double previousMax, double max, double rescale,
                           double sum, double[] accumulator, double[] partial) {
    }

    /** Every tile's state, and the plain softmax·V it ends equal to. */
    public record Trace(int tile, List<TileStep> steps, double[] output, double[] weights, double[] expected) {
        public Trace {
            steps = List.copyOf(steps);
        }
    }

    /** The greatest gap allowed between the tiled and the plain result. */
    public static final double TOLERANCE = 1e-12;

    private OnlineSoftmax() {
    }

    /**
     * softmax(scores)·values one tile at a time, with the state after each tile, and the ordinary
     * softmax·values to compare. scores: 1×T (finite, or −∞ for hidden cells, at least one finite);
     * values: T×d_v; tile from 1 to T. IllegalStateException if the two results differ by more than
     * {@link #TOLERANCE}: that would be a bug in the recurrence, not in the input.
     */
    public static Trace trace(double[] scores, Matrix values, int tile) {
        double[] weights = Softmax.stable(scores);       // checks the scores: finite or −∞, one at least finite
        if (values == null || values.rows() != scores.length) {
            throw new ShapeException("the values are " + (values == null ? "missing" : values.shape()) + " but there are "
                    + scores.length + " scores: V needs one row per score");
        }
        requireTile(tile, scores.length);
        double[][] rows = values.toArray();
        Running running = new Running(values.cols());
        List<TileStep> steps = new ArrayList<>();
        for (int from = 0; from < scores.length; from += tile) {
            int to = Math.min(from + tile, scores.length);
            double before = running.max();
            running.absorb(Arrays.copyOfRange(scores, from, to), to - from, rows, from);
            double tileMax = Double.NEGATIVE_INFINITY;
            for (int j = from; j < to; j++) {
                tileMax = Math.max(tileMax, scores[j]);
            }
            steps.add(new TileStep(from, to, tileMax, before, running.max(), running.lastRescale(), running.sum(),
                    running.accumulator(), running.sum() == 0.0 ? null : running.output()));
        }
        double[] output = running.output();
        double[] expected = Matrix.of(new double[][]{weights}).times(values).row(0);   // softmax(s)·V the ordinary way
        for (int c = 0; c < output.length; c++) {
            if (!(Math.abs(output[c] - expected[c]) <= TOLERANCE * Math.max(1.0, Math.abs(expected[c])))) {
                throw new IllegalStateException("the online softmax gave " + output[c] + " in column " + (c + 1)
                        + " but softmax·V is " + expected[c]);
            }
        }
        return new Trace(tile, steps, output, weights, expected);
    }

    static void requireTile(int tile, int length) {
        if (tile < 1) {
            throw new IllegalArgumentException("the tile size must be at least 1, got " + tile);
        }
        if (length > 0 && tile > length) {
            throw new IllegalArgumentException("the tile size is " + tile + " but there are only " + length
                    + " scores: a tile holds from 1 to " + length);
        }
    }
}
