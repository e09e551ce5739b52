package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionTest {

    private static final Matrix I2 = Matrix.identity(2);

    @Test
    void xMustHaveDModelColumnsAndTheErrorNamesBothShapes() {
        AttentionSpec spec = AttentionSpec.singleHead(Matrix.zeros(3, 4), Matrix.zeros(3, 4), Matrix.zeros(3, 4));
        ShapeException e = assertThrows(ShapeException.class, () -> Attention.run(Matrix.zeros(6, 4), spec));
        assertTrue(e.getMessage().startsWith("x is 6×4 but wq is 3×4"), e.getMessage());
        assertTrue(e.getMessage().contains("d_model = 3"), e.getMessage());
    }

    @Test
    void hugeInputsThrowNamingTheScoresStep() {
        Matrix x = Matrix.of(new double[][] {{1e200, 1e200}, {1e200, -1e200}});
        NonFiniteResultException e = assertThrows(NonFiniteResultException.class,
                () -> Attention.run(x, AttentionSpec.singleHead(I2, I2, I2)));
        assertEquals(Step.SCORES, e.step());
        assertEquals("scores", e.stepKey());
        assertEquals("the scores overflow: q₁·k₁ is too large for a double (inputs too large)", e.getMessage());
    }

    @Test
    void hugeInputsAndWeightsThrowAtTheQueries() {
        Matrix x = Matrix.of(new double[][] {{1e200, 1e200}});
        Matrix big = I2.scale(1e200);
        NonFiniteResultException e = assertThrows(NonFiniteResultException.class,
                () -> Attention.run(x, AttentionSpec.singleHead(big, I2, I2)));
        assertEquals(Step.Q, e.step());
        assertTrue(e.getMessage().startsWith("the queries overflow: Q[1][1]"), e.getMessage());
    }

    @Test
    void anOverflowInOneOfSeveralHeadsNamesTheHead() {
        Matrix x = Matrix.of(new double[][] {{1, 1e200}});
        NonFiniteResultException e = assertThrows(NonFiniteResultException.class,
                () -> Attention.run(x, new AttentionSpec(I2, I2, I2, null, 2, false, true)));
        assertEquals(Step.SCORES, e.step());
        assertTrue(e.getMessage().contains("in head 2"), e.getMessage());
    }

    @Test
    void anOverflowInTheOutputProjectionNamesTheOutputStep() {
        Matrix x = Matrix.of(new double[][] {{1e200, 1e200}});
        Matrix zero = Matrix.zeros(2, 2);
        NonFiniteResultException e = assertThrows(NonFiniteResultException.class,
                () -> Attention.run(x, new AttentionSpec(zero, zero, I2, I2.scale(1e200), 1, true, true)));
        assertEquals(Step.OUTPUT, e.step());
        assertTrue(e.getMessage().startsWith("the output overflows: output[1][1]"), e.getMessage());
    }

    @Test
    void nonFiniteInputsAreRefused() {
        Matrix x = Matrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Attention.run(x, AttentionSpec.singleHead(I2, I2, I2)));
        assertEquals("x row 1 column 2 is Infinity: every input must be a finite number", e.getMessage());
    }

    @Test
    void equalKeysGiveUniformWeights() {
        // every key is the same, so every score in a row is equal and softmax spreads the weight evenly
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix wk = Matrix.zeros(2, 2);
        AttentionTrace trace = Attention.run(x, AttentionSpec.singleHead(I2, wk, I2));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(1.0 / 3, trace.heads().get(0).weights().get(i, j), 1e-15);
            }
        }
        assertEquals(3.0, trace.output().get(2, 0), 1e-14);   // the mean of 1, 3, 5
    }

    @Test
    void withoutWoTheOutputIsTheConcatenation() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        AttentionTrace trace = Attention.run(x, AttentionSpec.singleHead(I2, I2, I2));
        assertSame(trace.concat(), trace.output());
    }

    @Test
    void scalingDividesByTheRootOfTheHeadWidthNotDModel() {
        Matrix x = Matrix.of(new double[][] {{1, 2, 3, 4}, {0, 1, 0, 1}});
        Matrix i4 = Matrix.identity(4);
        AttentionTrace trace = Attention.run(x, new AttentionSpec(i4, i4, i4, null, 2, false, true));
        // head 2 takes columns 3–4: q₁ = [3, 4], k₁ = [3, 4], score 25, d_k = 2
        assertEquals(25.0, trace.heads().get(1).scores().get(0, 0), 0.0);
        assertEquals(25.0 / Math.sqrt(2), trace.heads().get(1).scaled().get(0, 0), 1e-14);
    }

    @Test
    void aBatchWithSequencesOfDifferentLengthsNamesTheSequenceAndShapes() {
        AttentionSpec spec = AttentionSpec.singleHead(I2, I2, I2);
        ShapeException e = assertThrows(ShapeException.class,
                () -> Attention.runBatch(List.of(Matrix.zeros(3, 2), Matrix.zeros(3, 2), Matrix.zeros(4, 2)), spec));
        assertEquals("sequence 3 (index 2) is 4×2 but sequence 1 (index 0) is 3×2: every sequence in a batch must "
                + "have the same number of tokens (T = 3)", e.getMessage());
    }

    @Test
    void aBatchSequenceWithTheWrongWidthIsNamed() {
        AttentionSpec spec = AttentionSpec.singleHead(I2, I2, I2);
        ShapeException e = assertThrows(ShapeException.class,
                () -> Attention.runBatch(List.of(Matrix.zeros(3, 2), Matrix.zeros(3, 5)), spec));
        assertTrue(e.getMessage().startsWith("sequence 2 (index 1): x is 3×5 but wq is 2×2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Attention.runBatch(List.of(), spec));
    }

    @Test
    void anOverflowInABatchNamesTheSequenceAndKeepsTheStep() {
        AttentionSpec spec = AttentionSpec.singleHead(I2, I2, I2);
        Matrix huge = Matrix.of(new double[][] {{1e200, 1e200}});
        NonFiniteResultException e = assertThrows(NonFiniteResultException.class,
                () -> Attention.runBatch(List.of(Matrix.zeros(1, 2), huge), spec));
        assertEquals(Step.SCORES, e.step());
        assertTrue(e.getMessage().startsWith("sequence 2 (index 1): the scores overflow"), e.getMessage());
    }

    @Test
    void theTraceCannotBeChangedThroughItsHeadList() {
        AttentionTrace trace = Attention.run(Matrix.identity(2), AttentionSpec.singleHead(I2, I2, I2));
        assertThrows(UnsupportedOperationException.class, () -> trace.heads().clear());
    }
}
