package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StepTest {

    @Test
    void theKeysAreTheNamesOfTheJsonApi() {
        assertEquals("q k v scores scaled masked weights head_output concat output",
                Arrays.stream(Step.values()).map(Step::key).collect(Collectors.joining(" ")));
    }

    @Test
    void fromKeyFindsEveryStep() {
        for (Step step : Step.values()) {
            assertEquals(step, Step.fromKey(step.key()));
        }
    }

    @Test
    void anUnknownKeyListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Step.fromKey("softmax"));
        assertEquals("unknown step 'softmax': the steps are q, k, v, scores, scaled, masked, weights, head_output, "
                + "concat, output", e.getMessage());
    }
}
