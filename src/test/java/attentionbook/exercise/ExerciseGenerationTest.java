package attentionbook.exercise;

import attentionbook.attention.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The generators as seeded loops over thousands of seeds: the same seed gives the same exercise,
 * every exercise is small enough for pen and paper, its answer agrees with the tests' own
 * arithmetic, and the mistakes its kind promises are told apart from the right answer.
 */
class ExerciseGenerationTest {
    static final int SEEDS = 2000;
    static final int VARIANT_SEEDS = 100;

    /** Every kind with its defaults, and with each value of each option changed on its own. */
    static Stream<Object[]> variants() {
        List<Object[]> out = new ArrayList<>();
        for (ExerciseKind kind : ExerciseKinds.all()) {
            out.add(new Object[]{kind.name(), Map.of()});
            for (Option option : kind.options()) {
                List<Object> values = new ArrayList<>(option.words());
                if (option.isNumber()) {
                    for (int v = option.min(); v <= option.max(); v++) {
                        values.add(v);
                    }
                }
                values.remove(option.fallback());
                for (Object value : values) {
                    out.add(new Object[]{kind.name(), Map.of(option.name(), value)});
                }
            }
        }
        return out.stream();
    }

    @Test
    void everyCoreChapterTopicHasAtLeastTwoKinds() {
        Map<String, Long> perTopic = new java.util.TreeMap<>();
        ExerciseKinds.all().forEach(k -> perTopic.merge(k.topic(), 1L, Long::sum));
        for (String topic : List.of("Input shapes", "Queries, keys and values", "Scores", "Scaling", "Masking", "Softmax",
                "The weighted sum", "Multi-head attention")) {
            assertTrue(perTopic.getOrDefault(topic, 0L) >= 2, topic + " has " + perTopic.get(topic) + " kinds");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void generatedExercisesAreDeterministicSmallAndRight(String kindName, Map<String, Object> options) {
        ExerciseKind kind = ExerciseKinds.find(kindName).orElseThrow();
        Settings settings = Settings.of(kind.options(), options);
        int seeds = options.isEmpty() ? SEEDS : VARIANT_SEEDS;
        Set<String> prompts = new HashSet<>();
        for (long seed = 0; seed < seeds; seed++) {
            Exercise e = kind.generate(seed, settings);
            try {
                if (seed % 4 == 0) {
                    assertEquals(e, kind.generate(seed, settings), "the same seed gives the same exercise");
                }
                assertEquals(seed, e.seed());
                assertPenAndPaperSized(e);
                assertAgreesWithTheOracle(e);
                for (String key : ((AbstractExerciseKind) kind).required(settings)) {
                    assertTrue(e.diagnoses(key), "the mistake " + key + " can be told from the right answer");
                }
                prompts.add(e.prompt() + " " + e.given());
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(kindName + " " + options + " seed " + seed + ": " + failure.getMessage(), failure);
            }
        }
        // the size kinds have few combinations (parameter-count's real models are 3 × 2); the rest have thousands
        assertTrue(prompts.size() >= Math.min(6, seeds), "seeds give different exercises: only " + prompts.size() + " of " + seeds);
    }

    @Test
    void differentKindsWithTheSameSeedDrawDifferentNumbers() {
        Exercise a = ExerciseKinds.find("score-grid").orElseThrow().generate(5, Settings.defaults(
                ExerciseKinds.find("score-grid").orElseThrow().options()));
        Exercise b = ExerciseKinds.find("score").orElseThrow().generate(5, Settings.defaults(
                ExerciseKinds.find("score").orElseThrow().options()));
        assertFalse(a.given().get(0).values().equals(b.given().get(0).values()), "independent draws per kind");
    }

    /** Small inputs, few cells, finite answers, and every hint and solution step with something in it. */
    static void assertPenAndPaperSized(Exercise e) {
        int givenCells = 0;
        for (Table table : e.given()) {
            Matrix values = table.values();
            assertTrue(values.rows() <= 4 && values.cols() <= 9, table.name() + " is " + values.shape());
            givenCells += values.rows() * values.cols();
            boolean exponentials = table.name().equals("exponentials");
            for (int r = 0; r < values.rows(); r++) {
                for (double v : values.row(r)) {
                    assertTrue(Double.isFinite(v), table.name() + " holds " + v);
                    assertTrue(Math.abs(v) <= 12, table.name() + " holds " + v + ": too large for pen and paper");
                    if (!exponentials) {
                        assertEquals(0, Math.abs(v * 20 - Math.rint(v * 20)), 1e-9,
                                table.name() + " holds " + v + ": inputs are whole numbers, quarters or tenths");
                    }
                }
            }
        }
        assertTrue(givenCells <= 48, "the prompt gives " + givenCells + " numbers");
        AnswerForm form = e.form();
        assertTrue(form.rows() * form.cols() <= 16, "the answer has " + form.rows() * form.cols() + " cells");
        for (int r = 0; r < e.answer().rows(); r++) {
            for (double v : e.answer().row(r)) {
                assertFalse(Double.isNaN(v), "a NaN answer");
                assertTrue(Double.isFinite(v) || form.minusInfinity() && v == Double.NEGATIVE_INFINITY, "answer " + v);
                if (Double.isFinite(v) && !List.of("pipeline-shapes", "element-count", "head-shapes", "parameter-count",
                        "kv-cache", "attention-cost", "gqa-cache")
                        .contains(e.kind())) {
                    assertTrue(Math.abs(v) <= 40, "answer cell " + v + " is too large for a hand computation");
                }
            }
        }
        if (e.kind().equals("parameter-count") && !Oracle.plain(e.prompt().get(0)).matches(".*d_model = (1024|1280|1600).*")) {
            assertTrue(e.answer().get(0, 0) <= 4 * 64 * 64 * 3 + 4 * 64 * 3, "a small model's count");
        }
        assertFalse(e.hints().isEmpty(), "hints");
        assertFalse(e.solution().isEmpty(), "a solution");
        for (WorkStep step : concat(e.hints(), e.solution())) {
            assertFalse(step.text().isBlank(), "a step with no text");
            for (String line : concat(List.of(step.text()), step.lines())) {
                assertFalse(line.contains("NaN") || line.contains("Infinity"), "a step shows " + line);
            }
        }
        for (String paragraph : e.prompt()) {
            assertFalse(paragraph.contains("NaN") || paragraph.contains("Infinity"), paragraph);
        }
    }

    /** The exercise's answer and main mistakes agree with arithmetic done without the core. */
    static void assertAgreesWithTheOracle(Exercise e) {
        Oracle.Case expected = Oracle.of(e);
        assertClose(expected.answer(), e.answer(), "the answer");
        for (Map.Entry<String, double[][]> mistake : expected.mistakes().entrySet()) {
            e.mistakes().stream().filter(m -> m.key().equals(mistake.getKey())).findFirst().ifPresent(m ->
                    assertClose(mistake.getValue(), m.result(), "the mistake " + mistake.getKey()));
        }
    }

    static void assertClose(double[][] expected, Matrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what + " rows");
        assertEquals(expected[0].length, actual.cols(), what + " columns");
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                double e = expected[r][c];
                double a = actual.get(r, c);
                if (Double.isInfinite(e) ? e != a : Math.abs(e - a) > 1e-9 * (1 + Math.abs(e))) {
                    fail(what + " cell (" + (r + 1) + ", " + (c + 1) + "): expected " + e + " but the exercise has " + a);
                }
            }
        }
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
