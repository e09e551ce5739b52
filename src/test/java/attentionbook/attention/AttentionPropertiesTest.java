package attentionbook.attention;

import static attentionbook.attention.Generated.between;
import static attentionbook.attention.Generated.close;
import static attentionbook.attention.Generated.forAll;
import static attentionbook.attention.Generated.input;
import static attentionbook.attention.Generated.matrix;
import static attentionbook.attention.Generated.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties of attention over many random inputs (seeded, so failures replay; see {@link Generated}).
 * Written without jqwik on purpose: jqwik 1.10+ carries an Anti-AI Usage Clause and these tests were written by an agent.
 */
class AttentionPropertiesTest {

    @Test
    void everyWeightRowSumsToOneAndHasNoNegativeWeight() {
        forAll(1_000, random -> {
            AttentionSpec spec = spec(random, random.nextBoolean());
            AttentionTrace trace = Attention.run(input(random, spec), spec);
            for (HeadTrace head : trace.heads()) {
                Matrix weights = head.weights();
                for (int i = 0; i < weights.rows(); i++) {
                    double sum = 0;
                    for (int j = 0; j < weights.cols(); j++) {
                        assertTrue(weights.get(i, j) >= 0.0, "weight " + i + "," + j + " is " + weights.get(i, j));
                        sum += weights.get(i, j);
                    }
                    assertEquals(1.0, sum, 1e-12, "row " + i + " of " + weights);
                }
            }
        });
    }

    @Test
    void theCausalUpperTriangleIsExactlyZeroAndTheDiagonalIsNot() {
        forAll(2_000, random -> {
            AttentionSpec spec = spec(random, true);
            AttentionTrace trace = Attention.run(input(random, spec), spec);
            for (HeadTrace head : trace.heads()) {
                for (int i = 0; i < head.weights().rows(); i++) {
                    for (int j = i + 1; j < head.weights().cols(); j++) {
                        assertEquals(0.0, head.weights().get(i, j), 0.0, "weight " + i + "," + j);
                        assertEquals(Double.NEGATIVE_INFINITY, head.masked().get(i, j), "masked " + i + "," + j);
                    }
                    assertTrue(head.weights().get(i, i) > 0.0, "a token always sees itself");
                }
                assertEquals(1.0, head.weights().get(0, 0), 0.0, "the first token sees only itself");
            }
        });
    }

    @Test
    void withoutAMaskPermutingTheTokensPermutesTheOutputs() {
        forAll(3_000, random -> {
            AttentionSpec spec = spec(random, false);
            Matrix x = input(random, spec);
            int[] permutation = shuffled(random, x.rows());
            double[][] permutedRows = new double[x.rows()][];
            for (int r = 0; r < x.rows(); r++) {
                permutedRows[r] = x.row(permutation[r]);                       // x'[r] = x[π(r)]
            }
            Matrix output = Attention.run(x, spec).output();
            Matrix permutedOutput = Attention.run(Matrix.of(permutedRows), spec).output();
            for (int r = 0; r < x.rows(); r++) {
                Matrix expected = Matrix.of(new double[][] {output.row(permutation[r])});
                Matrix actual = Matrix.of(new double[][] {permutedOutput.row(r)});
                assertTrue(close(expected, actual, 1e-12), "row " + r + ": " + expected + " vs " + actual);
            }
        });
    }

    @Test
    void withOneHeadTheTraceIsSoftmaxOfScaledScoresTimesV() {
        forAll(4_000, random -> {
            int dModel = between(random, 1, 5);
            int width = between(random, 1, 4);
            Matrix wq = matrix(random, dModel, width, 1.0);
            Matrix wk = matrix(random, dModel, width, 1.0);
            Matrix wv = matrix(random, dModel, between(random, 1, 4), 1.0);
            Matrix x = matrix(random, between(random, 1, 6), dModel, 2.0);
            AttentionTrace trace = Attention.run(x, AttentionSpec.singleHead(wq, wk, wv));

            // the single-head path written out: softmax((X·Wq)(X·Wk)ᵀ / √d_k)·(X·Wv)
            Matrix scores = x.times(wq).times(x.times(wk).transpose()).scale(1.0 / Math.sqrt(width));
            Matrix expected = Softmax.rows(scores).times(x.times(wv));

            assertEquals(1, trace.heads().size());
            assertTrue(close(expected, trace.heads().get(0).output(), 1e-12), expected + " vs " + trace.output());
            assertEquals(trace.heads().get(0).output(), trace.output(), "no wo: output = the one head's output");
        });
    }

    @Test
    void eachHeadEqualsASingleHeadRunOnItsColumnsOfTheWeights() {
        forAll(5_000, random -> {
            AttentionSpec spec = spec(random, random.nextBoolean());
            Matrix x = input(random, spec);
            AttentionTrace trace = Attention.run(x, spec);
            int dk = spec.headWidth();
            int dv = spec.valueHeadWidth();
            List<Matrix> outputs = new ArrayList<>();
            for (int h = 0; h < spec.heads(); h++) {
                AttentionSpec single = new AttentionSpec(spec.wq().columns(h * dk, (h + 1) * dk),
                        spec.wk().columns(h * dk, (h + 1) * dk), spec.wv().columns(h * dv, (h + 1) * dv), null, 1,
                        spec.causal(), spec.scale());
                AttentionTrace alone = Attention.run(x, single);
                assertEquals(steps(alone.heads().get(0)), steps(trace.heads().get(h)), "head " + h);
                outputs.add(alone.output());
            }
            assertEquals(Matrix.concatColumns(outputs), trace.concat());
        });
    }

    @Test
    void aBatchEqualsItsSequencesRunOneByOne() {
        forAll(6_000, random -> {
            AttentionSpec spec = spec(random, random.nextBoolean());
            int tokens = between(random, 1, 6);
            List<Matrix> batch = new ArrayList<>();
            for (int b = between(random, 1, 4); b > 0; b--) {
                batch.add(matrix(random, tokens, spec.dModel(), 2.0));
            }
            List<AttentionTrace> traces = Attention.runBatch(batch, spec);
            assertEquals(batch.size(), traces.size());
            for (int b = 0; b < batch.size(); b++) {
                assertEquals(Attention.run(batch.get(b), spec), traces.get(b), "sequence " + b);
            }
        });
    }

    @Test
    void scoresOfMagnitudeAThousandStillGiveFiniteWeights() {
        forAll(7_000, random -> {
            int tokens = between(random, 1, 6);
            int width = between(random, 1, 3);
            // x has entries up to ±30 and wq = wk = I, unscaled, so the scores reach about ±1e3
            Matrix x = matrix(random, tokens, width, 30.0);
            Matrix identity = Matrix.identity(width);
            AttentionSpec spec = new AttentionSpec(identity, identity, identity, null, 1, random.nextBoolean(), false);
            AttentionTrace trace = Attention.run(x, spec);
            Matrix weights = trace.heads().get(0).weights();
            assertTrue(weights.allFinite(), weights.toString());
            for (int i = 0; i < tokens; i++) {
                double sum = 0;
                for (double w : weights.row(i)) {
                    sum += w;
                }
                assertEquals(1.0, sum, 1e-12);
            }
        });
        double[][] grid = {{1000, -1000, 999}, {-1000, -999, -1000}};
        Matrix weights = Softmax.rows(Matrix.of(grid));
        assertTrue(weights.allFinite());
    }

    @Test
    void stableSoftmaxDoesNotChangeWhenAConstantIsAddedToEveryScore() {
        forAll(8_000, random -> {
            int n = between(random, 1, 8);
            double[] scores = new double[n];
            double[] shifted = new double[n];
            double constant = random.nextDouble(-1000, 1000);
            for (int j = 0; j < n; j++) {
                scores[j] = random.nextDouble(-20, 20);
                shifted[j] = scores[j] + constant;
            }
            double[] expected = Softmax.stable(scores);
            double[] actual = Softmax.stable(shifted);
            for (int j = 0; j < n; j++) {
                // s + c rounds to within ½ ulp(1000) ≈ 6e-14, which moves a weight by at most about that much
                assertEquals(expected[j], actual[j], 1e-12, "entry " + j + " with c = " + constant);
            }
        });
    }

    @Test
    void theTermsOfAnExplainedCellAddUpToTheCellsValueOnRandomCases() {
        forAll(9_000, random -> {
            AttentionSpec spec = spec(random, random.nextBoolean());
            Matrix x = input(random, spec);
            AttentionTrace trace = Attention.run(x, spec);
            ExplainerTest.assertEverySumAddsUp(x, spec, trace);
        });
    }

    private static int[] shuffled(java.util.SplittableRandom random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** A head's matrices, without its key/value group number (a single-head run is always group 0). */
    private static List<Matrix> steps(HeadTrace head) {
        return List.of(head.scores(), head.scaled(), head.masked(), head.weights(), head.output());
    }
}
