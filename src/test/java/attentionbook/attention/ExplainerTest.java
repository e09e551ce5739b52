package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExplainerTest {

    private static final List<Step> SUM_STEPS = List.of(Step.Q, Step.K, Step.V, Step.SCORES, Step.SCALED,
            Step.HEAD_OUTPUT, Step.CONCAT, Step.OUTPUT);

    // x₁ = [1, 0, 1, 0], x₂ = [1, 0, 2, 1]: q₂ = [3, 3], k₁ = [1, 2], k₂ = [2, 2], so q₂·k₁ = 9 and q₂·k₂ = 12
    private static final Matrix X = Matrix.of(new double[][] {{1, 0, 1, 0}, {1, 0, 2, 1}});
    private static final Matrix WQ = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}, {0, 1}});
    private static final Matrix WK = Matrix.of(new double[][] {{1, 1}, {1, 0}, {0, 1}, {1, -1}});
    private static final Matrix WV = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}, {1, 0}});

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.all();
    }

    /** For every cell of every sum step: Σ term values (in order, from 0.0) is the cell's value within 1e-12 relative. */
    static void assertEverySumAddsUp(Matrix x, AttentionSpec spec, AttentionTrace trace) {
        for (Step step : SUM_STEPS) {
            for (int head = 0; head < (step.perHead() ? spec.heads() : 1); head++) {
                Matrix matrix = trace.matrix(step, head);
                for (int row = 0; row < matrix.rows(); row++) {
                    for (int col = 0; col < matrix.cols(); col++) {
                        Explanation explanation = Explainer.explain(x, spec, trace, step, head, row, col);
                        double sum = 0.0;
                        for (Term term : explanation.terms()) {
                            assertEquals(term.left() * term.right(), term.value(), 0.0, term.label());
                            sum += term.value();
                        }
                        double value = matrix.get(row, col);
                        assertEquals(value, explanation.value(), 0.0);
                        assertTrue(Math.abs(sum - value) <= 1e-12 * Math.max(1.0, Math.abs(value)),
                                step.key() + " head " + head + " [" + row + "][" + col + "]: terms add up to " + sum
                                        + " but the cell is " + value);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTermsOfAnExplainedCellAddUpToTheCellsValue(ReferenceCases.Case reference) {
        AttentionTrace trace = Attention.run(reference.x(), reference.spec());
        assertEverySumAddsUp(reference.x(), reference.spec(), trace);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWeightIsItsExpTermDividedByTheSumOfTheTerms(ReferenceCases.Case reference) {
        AttentionSpec spec = reference.spec();
        AttentionTrace trace = Attention.run(reference.x(), spec);
        for (int head = 0; head < spec.heads(); head++) {
            Matrix weights = trace.heads().get(head).weights();
            for (int i = 0; i < weights.rows(); i++) {
                for (int j = 0; j < weights.cols(); j++) {
                    Explanation explanation = Explainer.explain(reference.x(), spec, trace, Step.WEIGHTS, head, i, j);
                    double sum = 0.0;
                    Term own = null;
                    for (Term term : explanation.terms()) {
                        assertEquals(Math.exp(term.left()), term.value(), 0.0, term.label());
                        assertTrue(term.left() <= 0.0, "the exponent argument s − max is never positive");
                        sum += term.value();
                        if (term.label().startsWith("exp(s" + Notation.sub(i + 1, j + 1) + " ")) {
                            own = term;
                        }
                    }
                    assertEquals(weights.get(i, j), explanation.value(), 0.0);
                    if (spec.causal() && j > i) {
                        assertEquals(i + 1, explanation.terms().size(), "hidden cells are left out of the terms");
                        assertEquals(0.0, explanation.value(), 0.0);
                    } else {
                        assertNotNull(own, "the cell's own exp term is listed");
                        assertEquals(weights.get(i, j), own.value() / sum, 0.0);
                    }
                }
            }
        }
    }

    @Test
    void aScoreIsExplainedAsTheDotProductOfAQueryAndAKey() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, false, false);
        AttentionTrace trace = Attention.run(X, spec);
        Explanation e = Explainer.explain(X, spec, trace, Step.SCORES, 0, 1, 0);
        assertEquals("scores", e.step());
        assertEquals(0, e.head());
        assertEquals(9.0, e.value(), 0.0);
        assertEquals("scores[2][1] = q₂·k₁", e.formula());
        assertEquals("3×1 + 3×2 = 9", e.arithmetic());
        assertEquals(List.of(new Term("Q[2][1] × K[1][1]", 3, 1, 3), new Term("Q[2][2] × K[1][2]", 3, 2, 6)), e.terms());
        assertTrue(e.note().contains("token 2") && e.note().contains("token 1"), e.note());
        assertTrue(!e.note().contains("head"), "one head needs no name: " + e.note());
    }

    @Test
    void aQueryCellListsOneProductPerInputDimension() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, false, false);
        Explanation e = Explainer.explain(X, spec, Attention.run(X, spec), Step.Q, 7, 1, 1);
        assertNull(e.head(), "q is not per head, so the head is ignored");
        assertEquals(3.0, e.value(), 0.0);
        assertEquals("Q[2][2] = x₂·Wq[:,2] = Σₘ X[2][m] × Wq[m][2]", e.formula());
        assertEquals("1×0 + 0×1 + 2×1 + 1×1 = 3", e.arithmetic());
        assertEquals(4, e.terms().size());
    }

    @Test
    void aScaledCellSaysTheScoreAndTheFactor() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, true, true);
        Explanation e = Explainer.explain(X, spec, Attention.run(X, spec), Step.SCALED, 0, 1, 0);
        assertEquals(9 / Math.sqrt(2), e.value(), 1e-15);
        assertEquals("scaled[2][1] = scores[2][1] × 1/√d_k", e.formula());
        assertEquals("9 × 1/√2 = 9 × 0.7071 = 6.364", e.arithmetic());
        assertEquals(List.of(new Term("s₂₁ × 1/√2", 9, 1 / Math.sqrt(2), e.value())), e.terms());
    }

    @Test
    void aMaskedCellHasNoValueAndSaysWhyItIsHidden() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, true, true);
        AttentionTrace trace = Attention.run(X, spec);
        Explanation hidden = Explainer.explain(X, spec, trace, Step.MASKED, 0, 0, 1);
        assertNull(hidden.value());
        assertTrue(hidden.terms().isEmpty());
        assertEquals("j > i: token 2 is hidden from row 1 (causal mask)", hidden.note());

        Explanation visible = Explainer.explain(X, spec, trace, Step.MASKED, 0, 1, 0);
        assertEquals(9 / Math.sqrt(2), visible.value(), 1e-15);
        assertTrue(visible.note().startsWith("j ≤ i"), visible.note());
    }

    @Test
    void aWeightListsEveryExpTermAndTheirSum() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, false, false);
        Explanation e = Explainer.explain(X, spec, Attention.run(X, spec), Step.WEIGHTS, 0, 1, 0);
        // row 2 is [9, 12]: max 12, terms exp(−3) and exp(0)
        assertEquals("weights[2][1] = exp(s₂₁ − max) / Σⱼ exp(s₂ⱼ − max)", e.formula());
        assertEquals(List.of(new Term("exp(s₂₁ − max)", -3, 0, Math.exp(-3)), new Term("exp(s₂₂ − max)", 0, 0, 1)),
                e.terms());
        assertEquals(Math.exp(-3) / (Math.exp(-3) + 1), e.value(), 0.0);
        assertEquals("max = 12; 0.0498 / (0.0498 + 1) = 0.0498 / 1.0498 = 0.0474", e.arithmetic());
    }

    @Test
    void aConcatCellShowsTheWeightedSumOfTheHeadItCopies() {
        ReferenceCases.Case twoHeads = ReferenceCases.all().stream()
                .filter(c -> c.name().equals("rand_T4_d4_h2_causal_scaled_wo")).findFirst().orElseThrow();
        AttentionTrace trace = Attention.run(twoHeads.x(), twoHeads.spec());
        Explanation e = Explainer.explain(twoHeads.x(), twoHeads.spec(), trace, Step.CONCAT, 0, 2, 3);
        assertEquals("concat[3][4] = Σⱼ weights[head 2][3][j] × V[j][4]", e.formula());
        assertEquals(trace.heads().get(1).output().get(2, 1), e.value(), 0.0);
        assertEquals(4, e.terms().size());
        assertTrue(e.note().endsWith("columns 3–4 of concat hold head 2's output, copied unchanged"), e.note());
    }

    @Test
    void anOutputWithoutWoShowsTheWeightedSumOfTheValuesNotACopy() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, false, false);
        AttentionTrace trace = Attention.run(X, spec);
        Explanation e = Explainer.explain(X, spec, trace, Step.OUTPUT, 0, 1, 0);
        assertEquals("output[2][1] = concat[2][1] = Σⱼ weights[2][j] × V[j][1]", e.formula());
        assertEquals(trace.output().get(1, 0), e.value(), 0.0);
        Matrix weights = trace.heads().get(0).weights();
        assertEquals(List.of(new Term("weights[2][1] × V[1][1]", weights.get(1, 0), 1, weights.get(1, 0)),
                new Term("weights[2][2] × V[2][1]", weights.get(1, 1), 3, weights.get(1, 1) * 3)), e.terms());
        assertTrue(e.note().startsWith("row 2 of the weights mixes column 1 of V over every token (d_v = 2)"), e.note());
    }

    @Test
    void aHeadOutputCellNamesTheHeadsWeightsAndTheColumnOfV() {
        ReferenceCases.Case twoHeads = ReferenceCases.all().stream()
                .filter(c -> c.name().equals("rand_T4_d4_h2_causal_scaled_wo")).findFirst().orElseThrow();
        AttentionTrace trace = Attention.run(twoHeads.x(), twoHeads.spec());
        Explanation e = Explainer.explain(twoHeads.x(), twoHeads.spec(), trace, Step.HEAD_OUTPUT, 1, 1, 0);
        assertEquals("head_output[head 2][2][1] = Σⱼ weights[head 2][2][j] × V[j][3]", e.formula());
        assertEquals(4, e.terms().size());
        assertEquals(0.0, e.terms().get(2).left(), 0.0, "token 3 is hidden from row 2, so its weight is 0");
    }

    @Test
    void outOfRangeIndexesAreRejectedWithTheRange() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, false, true);
        AttentionTrace trace = Attention.run(X, spec);
        IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
                () -> Explainer.explain(X, spec, trace, Step.SCORES, 0, 7, 0));
        assertEquals("row 7 is out of range: scores has 2 rows (0–1)", row.getMessage());
        IllegalArgumentException col = assertThrows(IllegalArgumentException.class,
                () -> Explainer.explain(X, spec, trace, Step.Q, 0, 0, -1));
        assertEquals("column -1 is out of range: q has 2 columns (0–1)", col.getMessage());
        IllegalArgumentException head = assertThrows(IllegalArgumentException.class,
                () -> Explainer.explain(X, spec, trace, Step.WEIGHTS, 1, 0, 0));
        assertEquals("head 1 is out of range: there is 1 head (0)", head.getMessage());
    }

    @Test
    void aTraceFromOtherInputsIsRejected() {
        AttentionSpec spec = new AttentionSpec(WQ, WK, WV, null, 1, false, true);
        AttentionTrace trace = Attention.run(X, spec);
        Matrix other = Matrix.of(new double[][] {{1, 2, 3, 4}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Explainer.explain(other, spec, trace, Step.Q, 0, 0, 0));
        assertTrue(e.getMessage().contains("1×4") && e.getMessage().contains("2×2"), e.getMessage());
    }
}
