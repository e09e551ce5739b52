package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttentionSpecTest {

    private static Matrix m(int rows, int cols) {
        return Matrix.zeros(rows, cols);
    }

    @Test
    void theWidthsComeFromTheWeightsAndTheHeads() {
        AttentionSpec spec = new AttentionSpec(m(8, 6), m(8, 6), m(8, 4), m(4, 5), 2, true, true);
        assertEquals(8, spec.dModel());
        assertEquals(3, spec.headWidth());
        assertEquals(2, spec.valueHeadWidth());
        assertEquals(5, spec.outputWidth());
        assertEquals(4, new AttentionSpec(m(8, 6), m(8, 6), m(8, 4), null, 2, false, true).outputWidth());
    }

    @Test
    void queriesAndKeysMustHaveTheSameWidth() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new AttentionSpec(m(3, 4), m(3, 2), m(3, 4), null, 1, false, true));
        assertEquals("wk is 3×2 but wq is 3×4: queries and keys must have the same width", e.getMessage());
    }

    @Test
    void theProjectionsMustShareDModel() {
        ShapeException wk = assertThrows(ShapeException.class,
                () -> new AttentionSpec(m(3, 4), m(5, 4), m(3, 4), null, 1, false, true));
        assertTrue(wk.getMessage().startsWith("wk is 5×4 but wq is 3×4"), wk.getMessage());
        assertTrue(wk.getMessage().contains("d_model"), wk.getMessage());
        ShapeException wv = assertThrows(ShapeException.class,
                () -> new AttentionSpec(m(3, 4), m(3, 4), m(2, 4), null, 1, false, true));
        assertTrue(wv.getMessage().startsWith("wv is 2×4 but wq is 3×4"), wv.getMessage());
    }

    @Test
    void theHeadsMustDivideTheWidths() {
        ShapeException q = assertThrows(ShapeException.class,
                () -> new AttentionSpec(m(3, 4), m(3, 4), m(3, 6), null, 3, false, true));
        assertTrue(q.getMessage().startsWith("heads = 3 does not divide the width of wq (4)"), q.getMessage());
        ShapeException v = assertThrows(ShapeException.class,
                () -> new AttentionSpec(m(3, 4), m(3, 4), m(3, 5), null, 2, false, true));
        assertTrue(v.getMessage().startsWith("heads = 2 does not divide the width of wv (5)"), v.getMessage());
    }

    @Test
    void woMustHaveOneRowPerColumnOfWv() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new AttentionSpec(m(3, 4), m(3, 4), m(3, 4), m(3, 4), 1, false, true));
        assertTrue(e.getMessage().startsWith("wo is 3×4 but wv is 3×4"), e.getMessage());
    }

    @Test
    void thereMustBeAHeadAndEveryWeight() {
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
                () -> new AttentionSpec(m(3, 4), m(3, 4), m(3, 4), null, 0, false, true));
        assertEquals("heads = 0: there must be at least one head", heads.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new AttentionSpec(m(3, 4), null, m(3, 4), null, 1, false, true));
        assertTrue(missing.getMessage().startsWith("wk is missing"), missing.getMessage());
    }

    @Test
    void weightsMustBeFinite() {
        Matrix bad = Matrix.of(new double[][] {{1, Double.NaN}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AttentionSpec(m(1, 2), m(1, 2), bad, null, 1, false, true));
        assertEquals("wv row 1 column 2 is NaN: every input must be a finite number", e.getMessage());
    }
}
