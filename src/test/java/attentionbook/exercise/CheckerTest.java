package attentionbook.exercise;

import attentionbook.attention.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checker on answers a learner could write: the right one rounded as asked passes, a wrong one
 * names its cells, and an answer made with a known mistake (computed here, without the core) is
 * recognised as that mistake.
 */
class CheckerTest {
    static final int SEEDS = 300;

    static Stream<String> kinds() {
        return ExerciseKinds.all().stream().map(ExerciseKind::name);
    }

    static Exercise generate(String kind, long seed) {
        ExerciseKind k = ExerciseKinds.find(kind).orElseThrow();
        return k.generate(seed, Settings.defaults(k.options()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theRightAnswerRoundedAsAskedIsAccepted(String kind) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = generate(kind, seed);
            double[][] right = Oracle.of(e).answer();
            Verdict exact = Checker.check(e, right);
            assertTrue(exact.correct(), kind + " seed " + seed + ": " + exact.message());
            Verdict rounded = Checker.check(e, Oracle.rounded(right, e.form().rounding().decimals()));
            assertTrue(rounded.correct(), kind + " seed " + seed + ", rounded: " + rounded.message());
            assertTrue(rounded.wrongCells().isEmpty() && rounded.diagnoses().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachMainMistakeComputedByHandIsNamed(String kind) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = generate(kind, seed);
            for (Map.Entry<String, double[][]> mistake : Oracle.of(e).mistakes().entrySet()) {
                if (!e.diagnoses(mistake.getKey())) {
                    continue;   // this exercise's numbers make that mistake harmless (the generator keeps the required ones)
                }
                double[][] answer = Oracle.rounded(mistake.getValue(), e.form().rounding().decimals());
                Verdict verdict = Checker.check(e, answer);
                assertFalse(verdict.correct(), kind + " seed " + seed + ": " + mistake.getKey() + " passed as correct");
                assertTrue(verdict.diagnoses().stream().anyMatch(d -> d.key().equals(mistake.getKey())),
                        kind + " seed " + seed + ": " + mistake.getKey() + " not named; got " + verdict.diagnoses());
                assertFalse(verdict.wrongCells().isEmpty(), "the wrong cells are named");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyListedMistakeIsRecognisedFromItsRoundedAnswer(String kind) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise e = generate(kind, seed);
            for (Mistake mistake : e.mistakes()) {
                double[][] answer = Oracle.rounded(mistake.result().toArray(), e.form().rounding().decimals());
                Verdict verdict = Checker.check(e, answer);
                assertFalse(verdict.correct(), kind + " seed " + seed + ": " + mistake.key());
                assertTrue(verdict.diagnoses().stream().anyMatch(d -> d.key().equals(mistake.key())),
                        kind + " seed " + seed + ": " + mistake.key() + " not named");
            }
        }
    }

    @Test
    void softmaxAnswersFromTheRoundedExponentialsInThePromptPass() {
        for (long seed = 0; seed < SEEDS; seed++) {
            for (String kind : List.of("softmax-row", "softmax-grid", "masked-softmax")) {
                Exercise e = generate(kind, seed);
                double[][] scores = e.given().get(0).values().toArray();
                int masked = kind.equals("masked-softmax") ? Integer.parseInt(e.form().name().replaceAll("\\D+", "")) - 1 : -1;
                double[][] answer = new double[e.form().rows()][];
                for (int r = 0; r < answer.length; r++) {
                    int row = masked >= 0 ? masked : r;
                    answer[r] = fromThreeDecimalExponentials(scores[row], masked >= 0 ? masked : scores[row].length - 1);
                }
                Verdict verdict = Checker.check(e, Oracle.rounded(answer, 2));
                assertTrue(verdict.correct(), kind + " seed " + seed + ": " + verdict.message());
            }
        }
    }

    /** Softmax over entries 0…last as a learner does it from the prompt's table: e^n to 3 decimals. */
    private static double[] fromThreeDecimalExponentials(double[] row, int last) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= last; j++) {
            max = Math.max(max, row[j]);
        }
        double[] out = new double[row.length];
        double sum = 0;
        for (int j = 0; j <= last; j++) {
            out[j] = Math.round(Math.exp(row[j] - max) * 1000) / 1000.0;
            sum += out[j];
        }
        for (int j = 0; j <= last; j++) {
            out[j] /= sum;
        }
        return out;
    }

    @Test
    void aWrongAnswerNamesItsWrongCellsAndOnlyThose() {
        Exercise e = generate("score-grid", 11);
        double[][] answer = e.answer().toArray();
        answer[0][1] += 1;
        answer[2][2] -= 3;
        Verdict verdict = Checker.check(e, answer);
        assertFalse(verdict.correct());
        assertEquals(List.of("row 1, column 2", "row 3, column 3"), verdict.wrongCells().stream().map(Verdict.Cell::name).toList());
        assertEquals("Not yet: 2 of 9 cells are off: row 1, column 2 and row 3, column 3. The rest are right.",
                verdict.message());
        assertTrue(verdict.diagnoses().isEmpty(), "no known mistake gives these numbers");
    }

    @Test
    void aRoundingSlipIsCalledCloseNotAMistake() {
        Exercise e = generate("softmax-grid", 4);
        double[][] answer = Oracle.rounded(e.answer().toArray(), 2);
        answer[1][0] += 0.02;
        Verdict verdict = Checker.check(e, answer);
        assertFalse(verdict.correct());
        assertEquals(List.of("row 2, column 1"), verdict.wrongCells().stream().map(Verdict.Cell::name).toList());
        assertTrue(verdict.notes().get(0).startsWith("The wrong cells are close"), verdict.notes().toString());
    }

    @Test
    void flippedSignsAndAMirroredGridAreNoticed() {
        int flippedNoted = 0;
        int mirroredNoted = 0;
        for (long seed = 0; seed < 50; seed++) {
            Exercise e = generate("score-grid", seed);
            Verdict flipped = Checker.check(e, e.answer().scale(-1).toArray());
            assertFalse(flipped.correct());
            if (flipped.diagnoses().isEmpty()) {
                assertTrue(flipped.notes().stream().anyMatch(n -> n.contains("wrong sign")), flipped.toString());
                flippedNoted++;
            }
            Exercise grid = generate("softmax-grid", seed);
            Verdict mirrored = Checker.check(grid, Oracle.rounded(grid.answer().transpose().toArray(), 2));
            if (!mirrored.correct() && mirrored.diagnoses().isEmpty()) {
                assertTrue(mirrored.notes().stream().anyMatch(n -> n.contains("mirrored")), mirrored.toString());
                mirroredNoted++;
            }
        }
        assertTrue(flippedNoted > 10 && mirroredNoted > 10, flippedNoted + " flipped, " + mirroredNoted + " mirrored");
    }

    @Test
    void aNumberAnswerSaysSoInOneSentence() {
        Exercise e = generate("parameter-count", 2);
        Verdict wrong = Checker.check(e, new double[][]{{e.answer().get(0, 0) + 1}});
        assertEquals("Not yet: that is not the answer.", wrong.message());
        assertEquals(List.of("the answer"), wrong.wrongCells().stream().map(Verdict.Cell::name).toList());
        Verdict right = Checker.check(e, e.answer().toArray());
        assertEquals("Correct: that is the answer.", right.message());
    }

    @Test
    void aMaskedCellMustBeMinusInfinity() {
        Exercise e = generate("causal-mask", 1);
        double[][] answer = e.answer().toArray();
        answer[0][2] = -1e9;                        // a large negative number is not −∞
        Verdict verdict = Checker.check(e, answer);
        assertFalse(verdict.correct());
        assertEquals(List.of("row 1, column 3"), verdict.wrongCells().stream().map(Verdict.Cell::name).toList());
    }
}
