package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimiserTest {

    @Test
    void theScheduleWarmsUpLinearlyThenDecaysByCosineToATenth() {
        Schedule schedule = new Schedule(0.01, 10, 110);
        assertEquals(0.001, schedule.at(1), 1e-15);
        assertEquals(0.005, schedule.at(5), 1e-15);
        assertEquals(0.01, schedule.at(10), 1e-15);
        assertEquals(0.0055, schedule.at(60), 1e-15);   // half way down: lr/10 + (lr − lr/10)·½
        assertEquals(0.001, schedule.at(110), 1e-15);
        assertEquals(0.001 + 0.009 * 0.5 * (1 + Math.cos(Math.PI / 5)), new Schedule(0.01, 0, 5).at(1), 1e-15); // no warm-up
    }

    @Test
    void adamsFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientAndDecaysOnlyMatrices() {
        Tensor matrix = new Tensor("layers.0.attn.wq", 1, 2);
        Tensor gain = new Tensor("layers.0.norm1.weight", 2);
        Tensor embedding = new Tensor("tok_emb", 1, 2);
        for (Tensor t : List.of(matrix, gain, embedding)) {
            t.value[0] = 1.0;
            t.value[1] = -2.0;
            t.grad[0] = 0.5;
            t.grad[1] = -3.0;
        }
        new AdamW(List.of(matrix, gain, embedding), 0.1).step(0.01);
        // m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g); decay subtracts lr·λ·w
        double nearlyOne = 0.5 / (0.5 + 1e-8);
        assertEquals(1.0 - 0.01 * (nearlyOne + 0.1 * 1.0), matrix.value[0], 1e-15);
        assertEquals(-2.0 + 0.01 * (3.0 / (3.0 + 1e-8)) + 0.01 * 0.1 * 2.0, matrix.value[1], 1e-15);
        assertEquals(1.0 - 0.01 * nearlyOne, gain.value[0], 1e-15);
        assertEquals(1.0 - 0.01 * nearlyOne, embedding.value[0], 1e-15);
    }
}
