package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Explanations of grouped-query, windowed and rotated attention explain each cell's own value. */
class ModernExplainerTest {

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.modern();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everySumAddsUpToItsCell(ReferenceCases.Case reference) {
        AttentionTrace trace = Attention.run(reference.x(), reference.spec());
        ExplainerTest.assertEverySumAddsUp(reference.x(), reference.spec(), trace);
    }

    @Test
    void aGroupedHeadsScoreNamesItsSharedKeyGroup() {
        ReferenceCases.Case gqa = named("gqa_4_heads_2_groups");
        AttentionTrace trace = Attention.run(gqa.x(), gqa.spec());
        Explanation e = Explainer.explain(gqa.x(), gqa.spec(), trace, Step.SCORES, 3, 1, 0);
        assertTrue(e.note().contains("key/value group 2 (columns 3–4 of K), shared by query heads 3–4"), e.note());
        assertEquals("Q[2][7] × K[1][3]", e.terms().get(0).label());
        Explanation out = Explainer.explain(gqa.x(), gqa.spec(), trace, Step.HEAD_OUTPUT, 2, 0, 0);
        assertTrue(out.note().contains("reads the values of key/value group 2, column 2 of V"), out.note());
    }

    @Test
    void aCellOutsideTheWindowSaysSo() {
        ReferenceCases.Case window = named("window_2_single_head");
        AttentionTrace trace = Attention.run(window.x(), window.spec());
        Explanation hidden = Explainer.explain(window.x(), window.spec(), trace, Step.MASKED, 0, 3, 1);
        assertNull(hidden.value());
        assertEquals("j ≤ i − w: token 2 is 2 back from row 4, outside the window of 2 (row 4 sees tokens 3–4)",
                hidden.note());
        Explanation weight = Explainer.explain(window.x(), window.spec(), trace, Step.WEIGHTS, 0, 3, 1);
        assertEquals(0.0, weight.value());
        assertTrue(weight.note().contains("outside the window of 2"), weight.note());
        Explanation future = Explainer.explain(window.x(), window.spec(), trace, Step.MASKED, 0, 1, 3);
        assertTrue(future.note().startsWith("j > i"), future.note());
    }

    @Test
    void aRotatedScoreMultipliesTheRotatedRows() {
        ReferenceCases.Case rope = named("rope_2_heads");
        AttentionTrace trace = Attention.run(rope.x(), rope.spec());
        Explanation e = Explainer.explain(rope.x(), rope.spec(), trace, Step.SCORES, 1, 2, 0);
        HeadTrace head = trace.heads().get(1);
        assertEquals(head.qRotated().get(2, 0), e.terms().get(0).left(), 0.0);
        assertEquals(head.kRotated().get(0, 0), e.terms().get(0).right(), 0.0);
        assertTrue(e.formula().endsWith("q̃₃·k̃₁"), e.formula());
        assertTrue(e.note().contains("so the score depends on the offset -2"), e.note());
    }

    private static ReferenceCases.Case named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
