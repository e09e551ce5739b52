package attentionbook.exercise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes readers made that got only "N cells are off": each answer, computed by the Oracle from
 * what the exercise shows, must now be named as its mistake.
 */
class DiagnosesTest {
    private static final int SEEDS = 200;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "pipeline-shapes, forgot-batch", "element-count, forgot-batch", "attention-cost, forgot-batch",
            "kv-cache, forgot-batch", "causal-mask, large-negative", "attention-cost, flops",
            "head-shapes, no-split", "head-scores, no-split", "scaled-score, sqrt-heads", "scale-grid, sqrt-heads",
            "kv-cache, cached-queries", "decode-step, cached-query", "decode-step, old-query", "output-row, forgot-residual",
            "output-row, residual-before-wo"})
    void theMistakeIsNamed(String kind, String key) {
        int named = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = CheckerTest.generate(kind, seed);
            double[][] mistaken = Oracle.of(e).mistakes().get(key);
            if (mistaken == null) {
                continue;   // a batch of one sequence cannot be forgotten
            }
            Verdict verdict = Checker.check(e, Oracle.rounded(mistaken, e.form().rounding().decimals()));
            assertFalse(verdict.correct(), kind + " seed " + seed);
            assertTrue(verdict.diagnoses().stream().anyMatch(d -> d.key().equals(key)),
                    kind + " seed " + seed + ": " + key + " not named; got " + verdict.diagnoses() + " / " + verdict.message());
            named++;
        }
        assertTrue(named > SEEDS / 10, named + " of " + SEEDS + " seeds named " + key);
    }

    @Test
    void anyLargeNegativeConstantIsTheSameMistakeAndSaysWhenItIsHarmless() {
        for (long s = 0; s < 50; s++) {
            long seed = s;
            Exercise e = CheckerTest.generate("causal-mask", seed);
            for (double constant : new double[]{-1e9, -10000, -1e4, -1e30}) {
                double[][] answer = e.answer().map(v -> v == Double.NEGATIVE_INFINITY ? constant : v).toArray();
                Verdict verdict = Checker.check(e, answer);
                assertFalse(verdict.correct(), "the grid asks for −∞ itself");
                Verdict.Diagnosis d = verdict.diagnoses().stream().filter(x -> x.key().equals("large-negative"))
                        .findFirst().orElseThrow(() -> new AssertionError("seed " + seed + ", " + constant + ": " + verdict));
                assertTrue(d.text().contains("the very same weights"), d.text());
                assertTrue(d.text().contains("write -inf"), d.text());
            }
            double[][] small = e.answer().map(v -> v == Double.NEGATIVE_INFINITY ? -50 : v).toArray();
            assertTrue(Checker.check(e, small).diagnoses().stream().noneMatch(x -> x.key().equals("large-negative")),
                    "−50 is not a stand-in for −∞");
        }
    }

    @Test
    void theHarmlessClaimIsComputedNotAssumed() {
        attentionbook.attention.Matrix masked = attentionbook.attention.Matrix.of(new double[][]{
                {-1500, Double.NEGATIVE_INFINITY}, {1, 2}});
        String text = MaskGrid.largeNegativeText(masked);
        assertFalse(text.contains("the very same weights"), "a visible score of −1500 loses its weight to a −1000 mask: " + text);
        assertTrue(text.contains("changes the weights"), text);
        assertEquals(true, MaskGrid.largeNegativeText(attentionbook.attention.Matrix.of(new double[][]{{3, Double.NEGATIVE_INFINITY}, {1, 2}}))
                .contains("the very same weights"));
    }
}
