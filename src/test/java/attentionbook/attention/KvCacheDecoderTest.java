package attentionbook.attention;

import static attentionbook.attention.Generated.forAll;
import static attentionbook.attention.Generated.input;
import static attentionbook.attention.Generated.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decoding with a KV cache equals recomputing the causal layer, and its multiply-adds are counted right. */
class KvCacheDecoderTest {

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cachedEqualsRecomputedOnTheGoldenInputs(ReferenceCases.Case reference) {
        List<Decoding.Compared> steps = Decoding.compare(reference.x(), reference.spec());
        AttentionSpec causal = new AttentionSpec(reference.spec().wq(), reference.spec().wk(), reference.spec().wv(),
                reference.spec().wo(), reference.spec().heads(), true, reference.spec().scale());
        Matrix full = Attention.run(reference.x(), causal).output();
        for (Decoding.Compared step : steps) {
            int t = step.cached().tokens();
            assertArrayEquals(full.row(t - 1), step.cached().output(), 1e-12, "token " + t);
            assertTrue(step.largestDifference() <= 1e-12);
        }
    }

    @Test
    void randomLayersDecodeToTheRecomputedOutputs() {
        forAll(9_000, random -> {
            AttentionSpec spec = spec(random, true);
            for (Decoding.Compared step : Decoding.compare(input(random, spec), spec)) {
                assertArrayEquals(step.recomputed(), step.cached().output(), 1e-12);
            }
        });
    }

    @Test
    void theCacheKeepsEarlierRowsAndAppendsOneKeyAndValueAStep() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        AttentionSpec spec = new AttentionSpec(Generated.matrix(random, 4, 4, 1), Generated.matrix(random, 4, 4, 1),
                Generated.matrix(random, 4, 4, 1), null, 2, true, true);
        Matrix x = Generated.matrix(random, 5, 4, 1);
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        Matrix keysAfterThree = null;
        for (int t = 1; t <= 5; t++) {
            KvCacheDecoder.Token token = decoder.append(x.row(t - 1));
            assertEquals(t, decoder.tokens());
            assertEquals(t, token.scaled()[0].length, "one new score a cached key");
            if (t == 3) {
                keysAfterThree = decoder.keys();
            }
        }
        Matrix keys = decoder.keys();
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(keysAfterThree.row(r), keys.row(r), 0.0, "row " + (r + 1) + " is reused unchanged");
        }
        assertEquals(x.times(spec.wk()), keys, "the cache holds K = X·W_K");
    }

    @Test
    void multiplyAddsCountedInTheLoopsMatchTheFormulaAndTheRecomputeCostsMore() {
        forAll(9_500, random -> {
            AttentionSpec spec = spec(random, true);
            Matrix x = input(random, spec);
            KvCacheDecoder decoder = new KvCacheDecoder(spec);
            for (int t = 1; t <= x.rows(); t++) {
                KvCacheDecoder.Token token = decoder.append(x.row(t - 1));
                assertEquals(Costs.cachedStepMultiplyAdds(t, spec), token.multiplyAdds(), "token " + t);
                assertTrue(Costs.recomputeStepMultiplyAdds(t, spec) >= token.multiplyAdds());
            }
        });
    }

    @Test
    void recomputingCountsEveryRowAndTheFullGrid() {
        // d_model 2, one head of width 2, no W_O, t = 3: 3 rows × 2 × (2+2+2) projections + 3²·(2+2) attention
        AttentionSpec spec = AttentionSpec.singleHead(Matrix.identity(2), Matrix.identity(2), Matrix.identity(2));
        assertEquals(3 * 2 * 6 + 9 * 4, Costs.recomputeStepMultiplyAdds(3, spec));
        assertEquals(2 * 6 + 3 * 4, Costs.cachedStepMultiplyAdds(3, spec));
        assertSame(null, spec.wo());
    }
}
