package attentionbook.attention;

import static attentionbook.attention.Generated.between;
import static attentionbook.attention.Generated.forAll;
import static attentionbook.attention.Generated.input;
import static attentionbook.attention.Generated.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The tiled (online-softmax) attention against the naive core: the golden cases and random ones, every tile size. */
class TiledAttentionTest {

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyGoldenCaseEqualsTheNaiveCoreAtEveryTileSize(ReferenceCases.Case reference) {
        Matrix naive = Attention.run(reference.x(), reference.spec()).output();
        for (int tile = 1; tile <= reference.x().rows() + 1; tile++) {
            assertWithin(naive, TiledAttention.run(reference.x(), reference.spec(), tile), reference.name() + " tile " + tile);
        }
    }

    @Test
    void randomLayersEqualTheNaiveCore() {
        forAll(7_000, random -> {
            AttentionSpec spec = spec(random, random.nextBoolean());
            Matrix x = input(random, spec);
            int tile = between(random, 1, x.rows());
            assertWithin(Attention.run(x, spec).output(), TiledAttention.run(x, spec, tile), "tile " + tile);
        });
    }

    @Test
    void aLongCausalSequenceWithLargeScoresStillAgrees() {
        // scores of order ±40: a missing rescale exp(m_old − m_new) would be off by factors of e^40
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        Matrix x = Generated.matrix(random, 200, 8, 4.0);
        AttentionSpec spec = new AttentionSpec(Generated.matrix(random, 8, 8, 2.0), Generated.matrix(random, 8, 8, 2.0),
                Generated.matrix(random, 8, 8, 1.0), Generated.matrix(random, 8, 8, 1.0), 2, true, true);
        for (int tile : new int[]{1, 7, 64, 200}) {
            assertWithin(Attention.run(x, spec).output(), TiledAttention.run(x, spec, tile), "tile " + tile);
        }
    }

    @Test
    void aTileSizeBelowOneIsRefusedByName() {
        Matrix x = Matrix.identity(2);
        AttentionSpec spec = AttentionSpec.singleHead(x, x, x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiledAttention.run(x, spec, 0));
        assertEquals("the tile size must be at least 1, got 0", e.getMessage());
    }

    private static void assertWithin(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what + ": rows");
        assertEquals(expected.cols(), actual.cols(), what + ": columns");
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                double e = expected.get(r, c);
                double a = actual.get(r, c);
                assertTrue(Math.abs(a - e) <= 1e-12, what + " [" + r + "][" + c + "]: naive " + e + ", tiled " + a);
            }
        }
    }
}
