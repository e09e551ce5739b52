package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The tile-by-tile trace of one row: m, ℓ, the rescale factor and the partial output, worked out by hand. */
class OnlineSoftmaxTest {

    private static final double[] SCORES = {1, 3, 2, 5};
    private static final Matrix VALUES = Matrix.of(new double[][]{{1, 10}, {2, 20}, {3, 30}, {4, 40}});

    @Test
    void twoTilesOfTwo() {
        OnlineSoftmax.Trace trace = OnlineSoftmax.trace(SCORES, VALUES, 2);
        assertEquals(2, trace.steps().size());

        OnlineSoftmax.TileStep first = trace.steps().get(0);
        double l1 = Math.exp(1 - 3) + Math.exp(0);       // measured against m = 3
        assertEquals(Double.NEGATIVE_INFINITY, first.previousMax());
        assertEquals(3.0, first.max());
        assertEquals(0.0, first.rescale());
        assertEquals(l1, first.sum(), 1e-15);
        assertEquals(Math.exp(-2) * 1 + 2, first.accumulator()[0], 1e-15);
        assertEquals((Math.exp(-2) * 1 + 2) / l1, first.partial()[0], 1e-15);

        OnlineSoftmax.TileStep second = trace.steps().get(1);
        assertEquals(5.0, second.max());
        assertEquals(Math.exp(3 - 5), second.rescale(), 1e-15);
        double l2 = l1 * Math.exp(-2) + Math.exp(2 - 5) + Math.exp(0);
        assertEquals(l2, second.sum(), 1e-15);
        double acc2 = (Math.exp(-2) * 1 + 2) * Math.exp(-2) + Math.exp(-3) * 3 + 4;
        assertEquals(acc2, second.accumulator()[0], 1e-14);
        assertEquals(acc2 / l2, trace.output()[0], 1e-14);
        assertArrayEquals(trace.expected(), trace.output(), 1e-12);
    }

    @Test
    void aTileThatDoesNotRaiseTheMaxRescalesByExactlyOne() {
        OnlineSoftmax.Trace trace = OnlineSoftmax.trace(new double[]{5, 1, 2}, VALUES.columns(0, 1).transpose().columns(0, 3).transpose(), 1);
        assertEquals(1.0, trace.steps().get(1).rescale());
        assertEquals(1.0, trace.steps().get(2).rescale());
        assertEquals(5.0, trace.steps().get(2).max());
    }

    @Test
    void hiddenCellsAddNothingAndAnAllHiddenFirstTileHasNoPartialOutput() {
        double inf = Double.NEGATIVE_INFINITY;
        OnlineSoftmax.Trace trace = OnlineSoftmax.trace(new double[]{inf, inf, 2, 1}, VALUES, 2);
        assertEquals(0.0, trace.steps().get(0).sum());
        assertNull(trace.steps().get(0).partial());
        assertEquals(2.0, trace.steps().get(1).max());
        assertArrayEquals(trace.expected(), trace.output(), 1e-12);
    }

    @Test
    void badTilesAndShapesAreNamed() {
        assertEquals("the tile size is 5 but there are only 4 scores: a tile holds from 1 to 4",
                assertThrows(IllegalArgumentException.class, () -> OnlineSoftmax.trace(SCORES, VALUES, 5)).getMessage());
        assertEquals("the values are 2×2 but there are 4 scores: V needs one row per score",
                assertThrows(ShapeException.class, () -> OnlineSoftmax.trace(SCORES, Matrix.identity(2), 2)).getMessage());
    }
}
