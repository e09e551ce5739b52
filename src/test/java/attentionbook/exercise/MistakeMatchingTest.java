package attentionbook.exercise;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diagnosis fires only when the answer is the mistake's answer at the exercise's own rounding. */
class MistakeMatchingTest {

    private static List<String> diagnosed(Exercise e, double[][] answer) {
        return Checker.check(e, answer).diagnoses().stream().map(Verdict.Diagnosis::key).toList();
    }

    @Test
    void aDecimalNearAWholeNumberMistakeIsNotThatMistake() {
        int checked = 0;
        for (long seed = 0; seed < 200; seed++) {
            Exercise e = CheckerTest.generate("score", seed);
            if (!e.diagnoses("two-queries")) {
                continue;
            }
            double mistaken = e.mistakes().stream().filter(m -> m.key().equals("two-queries")).findFirst()
                    .orElseThrow().result().get(0, 0);
            assertTrue(diagnosed(e, new double[][]{{mistaken}}).contains("two-queries"), "seed " + seed);
            for (double off : new double[]{-0.4, 0.4, -0.1, 0.3}) {
                List<String> keys = diagnosed(e, new double[][]{{mistaken + off}});
                assertFalse(keys.contains("two-queries"), "seed " + seed + ": " + (mistaken + off) + " was called q·q = " + mistaken);
            }
            checked++;
        }
        assertTrue(checked > 50, checked + " exercises checked");
    }

    @Test
    void noExactExerciseNamesAMistakeForAnAnswerOffItsRounding() {
        int checked = 0;
        for (ExerciseKind kind : ExerciseKinds.all()) {
            for (long seed = 0; seed < 100; seed++) {
                Exercise e = kind.generate(seed, Settings.defaults(kind.options()));
                Rounding rounding = e.form().rounding();
                if (!rounding.exact()) {
                    continue;
                }
                double unit = Math.pow(10, -rounding.decimals());
                for (Mistake mistake : e.mistakes()) {
                    double[][] off = mistake.result().toArray();
                    boolean usable = true;
                    for (double[] row : off) {
                        for (int c = 0; c < row.length; c++) {
                            if (!Double.isFinite(row[c]) || row[c] == Mistake.MASK_CONSTANT) {
                                continue;
                            }
                            double shifted = rounding.round(row[c]) + 0.4 * unit;
                            usable &= Math.abs(shifted - row[c]) > 1e-6;   // not the mistake's own unrounded value
                            row[c] = shifted;
                        }
                    }
                    if (!usable) {
                        continue;
                    }
                    assertFalse(diagnosed(e, off).contains(mistake.key()), kind.name() + " seed " + seed + ": "
                            + mistake.key() + " named for an answer 0.4 units off it");
                    checked++;
                }
            }
        }
        assertTrue(checked > 500, checked + " answers checked");
    }

    @Test
    void roundingHalfAwayFromZeroAsByHand() {
        assertEquals(2.68, Rounding.exact(2).round(2.675), 1e-12);
        assertEquals(3, Rounding.exact(0).round(2.5), 1e-12);
        assertTrue(Rounding.exact(2).resembles(2.68, 2.675));
        assertFalse(Rounding.exact(0).resembles(2.6, 3));
        assertTrue(Rounding.exact(0).resembles(4, 4.2426));
    }
}
