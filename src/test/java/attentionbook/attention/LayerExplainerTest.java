package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The norm, residual and rotated cells explain the very numbers the layer and the rotation computed. */
class LayerExplainerTest {
    private static final Matrix X = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}});

    @Test
    void aNormCellIsItsInputOverTheRowsRootMeanSquare() {
        Explanation e = LayerExplainer.norm(X, 2, 0);
        // row 3 is (2, 1, 0, 1): mean of squares 6/4 = 1.5, so n = 2 / √1.50001
        assertEquals(2 / Math.sqrt(1.5 + 1e-5), e.value(), 1e-15);
        assertEquals(AttentionLayer.rmsNorm(X).get(2, 0), e.value(), 0.0);
        assertEquals(List.of(4.0, 1.0, 0.0, 1.0), e.terms().stream().map(Term::value).toList());
        assertEquals("2 / √((2² + 1² + 0² + 1²) / 4 + 1e-5) = 2 / 1.2247 = 1.633", e.arithmetic());
    }

    @Test
    void aResidualCellAddsTheInputAndTheOutput() {
        AttentionSpec spec = new AttentionSpec(Matrix.identity(4), Matrix.identity(4), Matrix.identity(4), null, 2, true, true);
        AttentionLayer.Trace trace = AttentionLayer.run(X, spec, true);
        Explanation e = LayerExplainer.residual(trace, 1, 3);
        assertEquals(trace.residual().get(1, 3), e.value(), 0.0);
        assertEquals(2.0, e.terms().get(0).value(), 0.0);
        assertEquals(trace.attention().output().get(1, 3), e.terms().get(1).value(), 0.0);
        assertEquals(e.value(), e.terms().get(0).value() + e.terms().get(1).value(), 0.0);
    }

    @Test
    void aRotatedCellIsThePairTurnedByItsPositionsAngle() {
        Matrix block = X.columns(0, 4);
        for (int p = 0; p < 3; p++) {
            double[] rotated = Rope.rotateRow(block.row(p), p);
            for (int c = 0; c < 4; c++) {
                Explanation e = LayerExplainer.rotated("q", block, 0, p, c);
                assertEquals(rotated[c], e.value(), 0.0, "row " + p + " column " + c);
                assertEquals(e.value(), 0.0 + e.terms().get(0).value() + e.terms().get(1).value(), 0.0);
            }
        }
        // position 2, pair 2 (columns 3–4): angle 2·10000^(−2/4) = 0.02
        Explanation e = LayerExplainer.rotated("k", block, 1, 2, 3);
        assertEquals(Math.sin(0.02) * 0 + Math.cos(0.02) * 1, e.value(), 1e-15);
        assertEquals("k_rotated", e.step());
    }

    @Test
    void aCellOutsideTheMatrixIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerExplainer.norm(X, 3, 0));
        assertEquals("the cell [3, 0] is outside X, which is 3×4 (rows and columns count from 0)", e.getMessage());
    }
}
