package attentionbook.attention;

import static attentionbook.attention.Generated.between;
import static attentionbook.attention.Generated.forAll;
import static attentionbook.attention.Generated.input;
import static attentionbook.attention.Generated.matrix;
import static attentionbook.attention.Generated.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of grouped-query heads, sliding windows and rotary positions over many seeded random inputs. */
class ModernAttentionPropertiesTest {

    @Test
    void kvHeadsEqualToHeadsIsTodaysMultiHeadExactly() {
        forAll(15_000, random -> {
            AttentionSpec plain = spec(random, random.nextBoolean());
            AttentionSpec grouped = new AttentionSpec(plain.wq(), plain.wk(), plain.wv(), plain.wo(), plain.heads(),
                    plain.causal(), plain.scale(), plain.heads(), 0, false);
            Matrix x = input(random, plain);
            AttentionTrace a = Attention.run(x, plain);
            AttentionTrace b = Attention.run(x, grouped);
            assertEquals(a.output(), b.output());
            for (int h = 0; h < plain.heads(); h++) {
                assertEquals(a.heads().get(h).weights(), b.heads().get(h).weights());
                assertEquals(h, b.heads().get(h).kvGroup(), "with g = h, head " + h + " is its own group");
            }
        });
    }

    @Test
    void aGroupedHeadEqualsMultiHeadWithItsGroupsKeysAndValuesCopied() {
        forAll(16_000, random -> {
            int groups = between(random, 1, 3);
            int heads = groups * between(random, 1, 3);
            int dModel = between(random, 1, 5);
            int dk = between(random, 1, 3);
            int dv = between(random, 1, 3);
            Matrix wq = matrix(random, dModel, heads * dk, 1.0);
            Matrix wk = matrix(random, dModel, groups * dk, 1.0);
            Matrix wv = matrix(random, dModel, groups * dv, 1.0);
            AttentionSpec grouped = new AttentionSpec(wq, wk, wv, null, heads, true, true, groups, 0, false);
            // the same layer written as multi-head attention: head i gets a copy of group ⌊i·g/h⌋'s columns
            AttentionSpec copied = new AttentionSpec(wq, repeatGroups(wk, groups, heads), repeatGroups(wv, groups, heads),
                    null, heads, true, true);
            Matrix x = matrix(random, between(random, 1, 6), dModel, 2.0);
            assertEquals(Attention.run(x, copied).output(), Attention.run(x, grouped).output());
        });
    }

    @Test
    void ropeScoresDependOnlyOnTheOffset() {
        forAll(17_000, random -> {
            int dk = 2 * between(random, 1, 4);
            double[] q = matrix(random, 1, dk, 2.0).row(0);
            double[] k = matrix(random, 1, dk, 2.0).row(0);
            int p = between(random, 0, 20);
            int r = between(random, 0, 20);
            int shift = between(random, 1, 500);
            double score = dot(Rope.rotateRow(q, p), Rope.rotateRow(k, r));
            double shifted = dot(Rope.rotateRow(q, p + shift), Rope.rotateRow(k, r + shift));
            assertEquals(score, shifted, 1e-12, "q at " + p + ", k at " + r + ", both shifted by " + shift);
        });
    }

    @Test
    void ropeKeepsEveryRowsLengthAndLeavesPositionZeroAlone() {
        forAll(18_000, random -> {
            Matrix block = matrix(random, between(random, 1, 6), 2 * between(random, 1, 3), 2.0);
            Matrix rotated = Rope.rotate(block);
            assertEquals(block.row(0)[0], rotated.row(0)[0], 0.0, "position 0 turns by angle 0");
            for (int p = 0; p < block.rows(); p++) {
                assertEquals(Math.sqrt(dot(block.row(p), block.row(p))), Math.sqrt(dot(rotated.row(p), rotated.row(p))), 1e-12);
            }
        });
    }

    @Test
    void aWindowOfAtLeastTIsThePlainCausalMask() {
        forAll(19_000, random -> {
            AttentionSpec causal = spec(random, true);
            Matrix x = input(random, causal);
            int window = between(random, x.rows(), x.rows() + 3);
            AttentionSpec windowed = new AttentionSpec(causal.wq(), causal.wk(), causal.wv(), causal.wo(), causal.heads(),
                    true, causal.scale(), causal.heads(), window, false);
            AttentionTrace a = Attention.run(x, causal);
            AttentionTrace b = Attention.run(x, windowed);
            assertEquals(a.output(), b.output());
            for (int h = 0; h < causal.heads(); h++) {
                assertEquals(a.heads().get(h).masked(), b.heads().get(h).masked());
            }
        });
    }

    @Test
    void aWindowRowSeesExactlyItsLastWTokens() {
        forAll(20_000, random -> {
            AttentionSpec causal = spec(random, true);
            Matrix x = input(random, causal);
            int window = between(random, 1, x.rows());
            AttentionSpec windowed = new AttentionSpec(causal.wq(), causal.wk(), causal.wv(), causal.wo(), causal.heads(),
                    true, causal.scale(), causal.heads(), window, false);
            HeadTrace head = Attention.run(x, windowed).heads().get(0);
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.rows(); j++) {
                    boolean visible = i - window < j && j <= i;
                    String cell = "row " + i + " column " + j + " with w = " + window;
                    assertEquals(visible, head.masked().get(i, j) != Double.NEGATIVE_INFINITY, cell);
                    assertEquals(visible, head.weights().get(i, j) > 0.0, cell);
                }
            }
        });
    }

    @Test
    void refusalsNameTheRule() {
        SplittableRandom random = new SplittableRandom(7);
        Matrix wq = matrix(random, 3, 6, 1.0);
        IllegalArgumentException notDividing = assertThrows(IllegalArgumentException.class,
                () -> new AttentionSpec(wq, matrix(random, 3, 4, 1.0), matrix(random, 3, 4, 1.0), null, 3, false, true, 2, 0, false));
        assertTrue(notDividing.getMessage().contains("kv_heads = 2 does not divide heads = 3"), notDividing.getMessage());
        IllegalArgumentException windowWithoutCausal = assertThrows(IllegalArgumentException.class,
                () -> new AttentionSpec(wq, wq, wq, null, 3, false, true, 3, 2, false));
        assertTrue(windowWithoutCausal.getMessage().contains("needs causal"), windowWithoutCausal.getMessage());
        IllegalArgumentException oddWidth = assertThrows(IllegalArgumentException.class,
                () -> new AttentionSpec(wq, wq, wq, null, 2, false, true, 2, 0, true));
        assertTrue(oddWidth.getMessage().contains("rope needs an even d_k, but d_k = 3"), oddWidth.getMessage());
        ShapeException keyWidth = assertThrows(ShapeException.class,
                () -> new AttentionSpec(wq, wq, matrix(random, 3, 2, 1.0), null, 2, false, true, 1, 0, false));
        assertTrue(keyWidth.getMessage().contains("g·d_k = 1·3 = 3 columns"), keyWidth.getMessage());
    }

    private static Matrix repeatGroups(Matrix w, int groups, int heads) {
        int width = w.cols() / groups;
        double[][] out = new double[w.rows()][heads * width];
        for (int h = 0; h < heads; h++) {
            int g = h * groups / heads;
            for (int r = 0; r < w.rows(); r++) {
                for (int c = 0; c < width; c++) {
                    out[r][h * width + c] = w.get(r, g * width + c);
                }
            }
        }
        return Matrix.of(out);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
