package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void naiveSoftmaxOverflowsToNaNWhereTheStableOneDoesNot() {
        double[] naive = Softmax.naive(new double[] {1000, 999});
        assertTrue(Double.isNaN(naive[0]) && Double.isNaN(naive[1]), java.util.Arrays.toString(naive));

        double[] stable = Softmax.stable(new double[] {1000, 999});
        assertEquals(1 / (1 + Math.exp(-1)), stable[0], 1e-15);   // 0.7310585786300049
        assertEquals(0.7310585786, stable[0], 1e-10);
        assertEquals(0.2689414214, stable[1], 1e-10);
    }

    @Test
    void naiveAndStableAgreeOnSmallScores() {
        double[] scores = {1, 2, 3};
        assertArrayEquals(Softmax.stable(scores), Softmax.naive(scores), 1e-15);
        assertArrayEquals(new double[] {0.09003057317038046, 0.24472847105479764, 0.6652409557748219},
                Softmax.stable(scores), 1e-15);
    }

    @Test
    void minusInfinityGivesExactlyZero() {
        double[] weights = Softmax.stable(new double[] {2, Double.NEGATIVE_INFINITY, 2});
        assertEquals(0.0, weights[1], 0.0);
        assertEquals(0.5, weights[0], 0.0);
        assertEquals(0.5, weights[2], 0.0);
    }

    @Test
    void allMinusInfinityIsRefusedRatherThanNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.stable(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals("every entry is −∞: softmax would be 0/0", e.getMessage());
    }

    @Test
    void nanAndPlusInfinityAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Softmax.stable(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Softmax.stable(new double[] {1, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> Softmax.stable(new double[0]));
    }

    @Test
    void temperatureDividesTheScores() {
        double[] scores = {1, 2, 4};
        assertArrayEquals(Softmax.stable(new double[] {0.5, 1, 2}), Softmax.stable(scores, 2), 1e-15);
        assertArrayEquals(Softmax.stable(scores), Softmax.stable(scores, 1), 0.0);
        double[] cold = Softmax.stable(scores, 0.01);
        assertEquals(1.0, cold[2], 1e-12);   // τ → 0: one-hot on the largest score
        double[] hot = Softmax.stable(scores, 1e6);
        assertEquals(1.0 / 3, hot[0], 1e-5); // τ → ∞: uniform
    }

    @Test
    void temperatureMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Softmax.stable(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Softmax.stable(new double[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> Softmax.stable(new double[] {1}, Double.NaN));
    }

    @Test
    void rowsAppliesSoftmaxRowByRow() {
        Matrix weights = Softmax.rows(Matrix.of(new double[][] {{0, 0}, {0, Math.log(3)}}));
        assertArrayEquals(new double[] {0.5, 0.5}, weights.row(0), 0.0);
        assertArrayEquals(new double[] {0.25, 0.75}, weights.row(1), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Softmax.rows(
                Matrix.of(new double[][] {{0, 1}, {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}})));
        assertTrue(e.getMessage().startsWith("row 2: every entry is −∞"), e.getMessage());
    }
}
