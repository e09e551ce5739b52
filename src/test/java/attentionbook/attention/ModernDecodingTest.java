package attentionbook.attention;

import static attentionbook.attention.Generated.between;
import static attentionbook.attention.Generated.forAll;
import static attentionbook.attention.Generated.input;
import static attentionbook.attention.Generated.modernSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The KV-cache decoder and the tiled core honour grouped-query heads, sliding windows and rotary
 * positions: each equals {@link Attention#run} on the whole sequence, row by row, to 1e-12.
 */
class ModernDecodingTest {

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.modern();
    }

    /** The spec decoding runs: the same layer under the causal mask (decoding is causal by nature). */
    private static AttentionSpec causal(AttentionSpec s) {
        return new AttentionSpec(s.wq(), s.wk(), s.wv(), s.wo(), s.heads(), true, s.scale(), s.kvHeads(), s.window(), s.rope());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodingTokenByTokenEqualsTheWholeSequenceOnEveryModernGoldenCase(ReferenceCases.Case reference) {
        AttentionSpec spec = causal(reference.spec());
        Matrix full = Attention.run(reference.x(), spec).output();
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        for (int t = 1; t <= reference.x().rows(); t++) {
            KvCacheDecoder.Token token = decoder.append(reference.x().row(t - 1));
            assertArrayEquals(full.row(t - 1), token.output(), 1e-12, reference.name() + " token " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodingCompareKeepsKvHeadsWindowAndRope(ReferenceCases.Case reference) {
        Matrix full = Attention.run(reference.x(), causal(reference.spec())).output();
        for (Decoding.Compared step : Decoding.compare(reference.x(), reference.spec())) {
            int t = step.cached().tokens();
            assertArrayEquals(full.row(t - 1), step.recomputed(), 1e-12, reference.name() + " recomputed row " + t);
            assertArrayEquals(full.row(t - 1), step.cached().output(), 1e-12, reference.name() + " cached row " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theTiledCoreEqualsTheNaiveOneOnEveryModernGoldenCaseAtEveryTileSize(ReferenceCases.Case reference) {
        Matrix naive = Attention.run(reference.x(), reference.spec()).output();
        for (int tile = 1; tile <= reference.x().rows() + 1; tile++) {
            Matrix tiled = TiledAttention.run(reference.x(), reference.spec(), tile);
            for (int r = 0; r < naive.rows(); r++) {
                assertArrayEquals(naive.row(r), tiled.row(r), 1e-12, reference.name() + " tile " + tile + " row " + (r + 1));
            }
        }
    }

    @Test
    void randomModernLayersDecodeAndTileToTheNaiveCore() {
        forAll(15_000, random -> {
            AttentionSpec spec = modernSpec(random);
            Matrix x = input(random, spec);
            Matrix full = Attention.run(x, spec).output();
            KvCacheDecoder decoder = new KvCacheDecoder(spec);
            for (int t = 1; t <= x.rows(); t++) {
                KvCacheDecoder.Token token = decoder.append(x.row(t - 1));
                assertArrayEquals(full.row(t - 1), token.output(), 1e-12, "token " + t);
                assertEquals(Costs.cachedStepMultiplyAdds(t, spec), token.multiplyAdds(), "multiply-adds of token " + t);
                assertHoldsOnlyTheWindow(spec, x, decoder, token, t);
            }
            int tile = between(random, 1, x.rows());
            Matrix tiled = TiledAttention.run(x, spec, tile);
            for (int r = 0; r < x.rows(); r++) {
                assertArrayEquals(full.row(r), tiled.row(r), 1e-12, "tile " + tile + " row " + (r + 1));
            }
        });
    }

    /**
     * After token t the cache is a rolling buffer: with a window w it holds the last min(t, w) rows (row t − w left
     * when token t came), else all t; those rows are the whole sequence's K (rotated with rope) and V, and its bytes
     * are rows × (g·d_k + g·d_v) × bytes a number, the figure the decode widget shows.
     */
    private static void assertHoldsOnlyTheWindow(AttentionSpec spec, Matrix x, KvCacheDecoder decoder, KvCacheDecoder.Token token, int t) {
        int rows = spec.window() > 0 ? Math.min(t, spec.window()) : t;
        assertEquals(rows, decoder.cachedRows(), "rows cached after token " + t + " with window " + spec.window());
        assertEquals(rows, decoder.keys().rows(), "key rows after token " + t);
        assertEquals(rows, decoder.values().rows(), "value rows after token " + t);
        assertEquals(t - rows + 1, token.cachedFrom(), "the oldest token still cached after token " + t);
        assertEquals(t - rows + 1, decoder.oldestCached(), "the decoder's oldest cached token after token " + t);
        int dk = spec.headWidth();
        int dv = spec.valueHeadWidth();
        long numbers = (long) rows * spec.kvHeads() * (dk + dv);
        assertEquals(numbers * 2, decoder.cacheBytes(2), "bytes of 16-bit numbers after token " + t);
        assertEquals(numbers * 4, decoder.cacheBytes(4), "bytes of 32-bit numbers after token " + t);
        double[][] prefix = java.util.Arrays.copyOf(x.toArray(), t);
        AttentionTrace trace = Attention.run(Matrix.of(prefix), spec);
        for (int r = 0; r < rows; r++) {
            int position = t - rows + r;                  // 0-based token of cached row r
            assertArrayEquals(trace.v().row(position), decoder.values().row(r), 1e-12, "cached value of token " + (position + 1));
            for (int h = 0; h < spec.heads(); h++) {
                int g = spec.kvGroup(h);
                double[] expected = spec.rope() ? trace.heads().get(h).kRotated().row(position)
                        : trace.k().columns(g * dk, (g + 1) * dk).row(position);
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(decoder.keys().row(r), g * dk, (g + 1) * dk), 1e-12,
                        "cached key of token " + (position + 1) + ", group " + (g + 1));
            }
        }
    }

    /** Rows first … end of m. */
    private static Matrix from(Matrix m, int first) {
        return Matrix.of(java.util.Arrays.copyOfRange(m.toArray(), first, m.rows()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aWindowedCacheKeepsAtMostWRowsPerGroupOnEveryModernGoldenCase(ReferenceCases.Case reference) {
        AttentionSpec spec = causal(reference.spec());
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        for (int t = 1; t <= reference.x().rows(); t++) {
            assertHoldsOnlyTheWindow(spec, reference.x(), decoder, decoder.append(reference.x().row(t - 1)), t);
        }
    }

    @Test
    void theCacheHoldsOneKeyAndValueBlockPerGroupWithKeysRotatedAsStored() {
        ReferenceCases.Case reference = ReferenceCases.modern().stream()
                .filter(c -> c.name().equals("all_three_gqa_window_rope")).findFirst().orElseThrow();
        AttentionSpec spec = reference.spec();
        AttentionTrace trace = Attention.run(reference.x(), spec);
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        for (int t = 1; t <= reference.x().rows(); t++) {
            decoder.append(reference.x().row(t - 1));
        }
        int dk = spec.headWidth();
        assertEquals(spec.kvHeads() * dk, decoder.keys().cols(), "g·d_k columns of keys, not h·d_k");
        assertEquals(spec.kvHeads() * spec.valueHeadWidth(), decoder.values().cols(), "g·d_v columns of values");
        int first = reference.x().rows() - decoder.cachedRows();   // the window keeps only the last rows
        assertEquals(from(trace.v(), first), decoder.values(), "values are cached as V = X·W_V");
        for (int h = 0; h < spec.heads(); h++) {
            int g = spec.kvGroup(h);
            Matrix cached = decoder.keys().columns(g * dk, (g + 1) * dk);
            Matrix rotated = trace.heads().get(h).kRotated();
            assertTrue(Generated.close(from(rotated, first), cached, 1e-15),
                    "head " + (h + 1) + ": the cache holds group " + (g + 1) + "'s keys rotated by their own positions");
        }
    }

    @Test
    void aWindowedStepScoresOnlyTheKeysInsideTheWindow() {
        ReferenceCases.Case reference = ReferenceCases.modern().stream()
                .filter(c -> c.name().equals("window_2_single_head")).findFirst().orElseThrow();
        KvCacheDecoder decoder = new KvCacheDecoder(reference.spec());
        KvCacheDecoder.Token token = null;
        for (int t = 1; t <= 4; t++) {
            token = decoder.append(reference.x().row(t - 1));
        }
        // token 4 (position 3) with w = 2 sees positions 2 and 3 only
        assertArrayEquals(new double[]{0.0, 0.0}, java.util.Arrays.copyOf(token.weights()[0], 2), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, token.scaled()[0][1]);
        assertEquals(1.0, token.weights()[0][2] + token.weights()[0][3], 1e-15);
    }
}
