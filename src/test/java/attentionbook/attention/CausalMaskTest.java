package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CausalMaskTest {

    private static final double NEG = Double.NEGATIVE_INFINITY;

    @Test
    void aTokenSeesItselfAndThePastButNotTheFuture() {
        assertFalse(CausalMask.hidden(2, 2), "the diagonal is visible");
        assertFalse(CausalMask.hidden(2, 0));
        assertTrue(CausalMask.hidden(2, 3));
    }

    @Test
    void applyPutsMinusInfinityAboveTheDiagonal() {
        Matrix scaled = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertEquals(Matrix.of(new double[][] {{1, NEG, NEG}, {4, 5, NEG}, {7, 8, 9}}), CausalMask.apply(scaled));
    }

    @Test
    void theMaskIsZeroWhereAllowed() {
        assertEquals(Matrix.of(new double[][] {{0, NEG}, {0, 0}}), CausalMask.mask(2));
    }

    @Test
    void aNonSquareGridIsAShapeError() {
        ShapeException e = assertThrows(ShapeException.class, () -> CausalMask.apply(Matrix.zeros(2, 3)));
        assertTrue(e.getMessage().contains("2×3"), e.getMessage());
    }
}
