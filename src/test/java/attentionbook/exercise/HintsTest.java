package attentionbook.exercise;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Hints guide: a count exercise's hints never state a count it asks for, and no first hint shows part of the answer. */
class HintsTest {
    private static final int SEEDS = 300;

    private static String words(WorkStep step) {
        return step.text() + " " + String.join(" ", step.lines());
    }

    @Test
    void countHintsNeverStateAnAnswer() {
        for (String kind : List.of("element-count", "parameter-count", "kv-cache", "attention-cost")) {
            for (long seed = 0; seed < SEEDS; seed++) {
                Exercise e = CheckerTest.generate(kind, seed);
                for (double cell : e.answer().row(0)) {
                    Pattern stated = Pattern.compile("(?<![\\d,])" + Pattern.quote(Numbers.count((long) cell)) + "(?![\\d,])");
                    for (WorkStep hint : e.hints()) {
                        assertFalse(stated.matcher(words(hint)).find(), kind + " seed " + seed + ": a hint gives the answer "
                                + Numbers.count((long) cell) + ": " + words(hint));
                    }
                }
            }
        }
    }

    @Test
    void shapeHintsNeverStateAnAnswerRow() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Exercise pipeline = CheckerTest.generate("pipeline-shapes", seed);
            Exercise heads = CheckerTest.generate("head-shapes", seed);
            List<String> shapes = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                double[] row = pipeline.answer().row(r);
                shapes.add(Arithmetic.shape((long) row[0], (long) row[1], (long) row[2]));
            }
            for (WorkStep hint : pipeline.hints()) {
                shapes.forEach(s -> assertFalse(words(hint).contains(s), "pipeline-shapes: " + words(hint)));
            }
            for (int r = 0; r < 4; r++) {
                String shape = (long) heads.answer().get(r, 0) + "×" + (long) heads.answer().get(r, 1);
                for (WorkStep hint : heads.hints()) {
                    assertFalse(words(hint).contains(shape), "head-shapes: " + words(hint));
                }
            }
        }
    }

    @Test
    void noFirstHintShowsARowOfTheAnswer() {
        for (ExerciseKind kind : ExerciseKinds.all()) {
            for (long seed = 0; seed < 100; seed++) {
                Exercise e = kind.generate(seed, Settings.defaults(kind.options()));
                WorkStep first = e.hints().get(0);
                if (first.table() == null) {
                    continue;
                }
                for (int r = 0; r < e.answer().rows(); r++) {
                    for (int tr = 0; tr < first.table().values().rows(); tr++) {
                        assertFalse(java.util.Arrays.equals(e.answer().row(r), first.table().values().row(tr)),
                                kind.name() + " seed " + seed + ": the first hint shows row " + (r + 1) + " of the answer");
                    }
                }
            }
        }
    }
}
