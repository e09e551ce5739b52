package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalingExperimentTest {

    @Test
    void theVarianceOfQDotKIsAboutDkAndAboutOneAfterScaling() {
        DotProductStats stats = ScalingExperiment.sample(64, 10_000, 42);
        assertEquals(64, stats.raw().variance(), 6.4, "raw variance " + stats.raw().variance());
        assertEquals(1, stats.scaled().variance(), 0.1, "scaled variance " + stats.scaled().variance());
        assertEquals(8, stats.raw().standardDeviation(), 0.4);
        assertEquals(0, stats.raw().mean(), 0.5);
        assertEquals(stats.raw().variance() / 64, stats.scaled().variance(), 1e-9);
        assertTrue(stats.raw().min() < -20 && stats.raw().max() > 20, "the spread grows with d_k");
    }

    @Test
    void theVarianceGrowsWithDk() {
        for (int dk : new int[] {1, 4, 16, 256}) {
            DotProductStats stats = ScalingExperiment.sample(dk, 10_000, 7);
            assertEquals(dk, stats.raw().variance(), 0.1 * dk, "d_k = " + dk);
            assertEquals(1, stats.scaled().variance(), 0.1, "d_k = " + dk);
        }
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        assertEquals(ScalingExperiment.sample(16, 500, 3), ScalingExperiment.sample(16, 500, 3));
        assertArrayEquals(ScalingExperiment.dotProducts(16, 500, 3), ScalingExperiment.dotProducts(16, 500, 3), 0.0);
        assertNotEquals(ScalingExperiment.sample(16, 500, 3), ScalingExperiment.sample(16, 500, 4));
    }

    @Test
    void theSummaryIsCorrectOnKnownValues() {
        DotProductStats.Summary summary = DotProductStats.Summary.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5, summary.mean(), 1e-15);
        assertEquals(32.0 / 7, summary.variance(), 1e-14);
        assertEquals(Math.sqrt(32.0 / 7), summary.standardDeviation(), 1e-14);
        assertEquals(2, summary.min(), 0.0);
        assertEquals(9, summary.max(), 0.0);
    }

    @Test
    void theSizesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ScalingExperiment.sample(0, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> ScalingExperiment.sample(1025, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> ScalingExperiment.sample(4, 10_001, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingExperiment.sample(4, 1, 1));
        assertEquals("samples must be between 2 and 10000, got 1", e.getMessage());
        ScalingExperiment.sample(1024, 2, 1);
    }
}
