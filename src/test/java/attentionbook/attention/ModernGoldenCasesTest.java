package attentionbook.attention;

import static attentionbook.attention.GoldenCasesTest.assertMatrix;
import static attentionbook.attention.GoldenCasesTest.assertPerHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grouped-query heads, sliding windows and rotary positions against numpy's float64
 * (src/test/python/modern_attention_cases.py wrote src/test/resources/modern-attention-cases.json).
 */
class ModernGoldenCasesTest {

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.modern();
    }

    @Test
    void everyFeatureIsCovered() {
        List<ReferenceCases.Case> all = cases();
        assertEquals(8, all.size());
        assertTrue(all.stream().anyMatch(c -> c.spec().kvHeads() == 1 && c.spec().heads() > 1), "multi-query");
        assertTrue(all.stream().anyMatch(c -> c.spec().kvHeads() > 1 && c.spec().kvHeads() < c.spec().heads()), "grouped");
        assertTrue(all.stream().anyMatch(c -> c.spec().window() > 0), "window");
        assertTrue(all.stream().anyMatch(c -> c.spec().rope()), "rope");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyStepMatchesNumpy(ReferenceCases.Case reference) {
        AttentionTrace trace = Attention.run(reference.x(), reference.spec());
        JsonNode expected = reference.expected();
        String name = reference.name();
        assertMatrix(expected.get("q"), trace.q(), name + " q");
        assertMatrix(expected.get("k"), trace.k(), name + " k");
        assertMatrix(expected.get("v"), trace.v(), name + " v");
        assertEquals(reference.spec().heads(), trace.heads().size(), name + ": one trace per query head");
        for (int h = 0; h < trace.heads().size(); h++) {
            assertEquals(expected.get("kv_group").get(h).asInt(), trace.heads().get(h).kvGroup(), name + " kv_group of head " + h);
        }
        if (reference.spec().rope()) {
            assertPerHead(expected.get("q_rotated"), trace, HeadTrace::qRotated, name + " q_rotated");
            assertPerHead(expected.get("k_rotated"), trace, HeadTrace::kRotated, name + " k_rotated");
        } else {
            trace.heads().forEach(head -> assertNull(head.qRotated(), name + ": no rotation without rope"));
        }
        assertPerHead(expected.get("scores"), trace, HeadTrace::scores, name + " scores");
        assertPerHead(expected.get("scaled"), trace, HeadTrace::scaled, name + " scaled");
        assertPerHead(expected.get("masked"), trace, HeadTrace::masked, name + " masked");
        assertPerHead(expected.get("weights"), trace, HeadTrace::weights, name + " weights");
        assertPerHead(expected.get("heads_out"), trace, HeadTrace::output, name + " heads_out");
        assertMatrix(expected.get("concat"), trace.concat(), name + " concat");
        assertMatrix(expected.get("output"), trace.output(), name + " output");
    }
}
