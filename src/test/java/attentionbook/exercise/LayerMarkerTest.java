package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Marking a whole layer with error carried forward, on the learner's own grids. */
class LayerMarkerTest {
    static final FullAttention KIND = new FullAttention();
    static final List<Map<String, Object>> SETTINGS = List.of(Map.of(), Map.of("tokens", 2, "width", 2),
            Map.of("heads", 2), Map.of("causal", "no"), Map.of("tokens", 3, "width", 3, "heads", 2));

    static LayerProblem problem(long seed, Map<String, Object> options) {
        return KIND.problem(seed, Settings.of(KIND.options(), options));
    }

    /** The learner's chain: each step worked from their previous grids and rounded as the step asks. */
    static Map<LayerStep, List<Matrix>> chain(LayerProblem p, Map<LayerStep, List<Matrix>> overrides) {
        Map<LayerStep, List<Matrix>> out = new EnumMap<>(LayerStep.class);
        for (LayerStep step : p.steps()) {
            List<Matrix> grids = overrides.containsKey(step) ? overrides.get(step)
                    : p.compute(step, out).stream().map(m -> Grids.rounded(m, step.rounding().decimals())).toList();
            out.put(step, grids);
        }
        return out;
    }

    static Map<LayerStep, List<Matrix>> with(LayerStep step, List<Matrix> grids) {
        Map<LayerStep, List<Matrix>> m = new EnumMap<>(LayerStep.class);
        m.put(step, grids);
        return m;
    }

    /** Q with one more in its last row's first cell: the last token sees every key, so every later step moves. */
    static List<Matrix> wrongQ(LayerProblem p) {
        double[][] q = p.book().get(LayerStep.Q).get(0).toArray();
        q[q.length - 1][0] += 1;
        return List.of(Matrix.of(q));
    }

    @Test
    void theBooksGridsAreTheCoresOwnAttention() {
        for (Map<String, Object> options : SETTINGS) {
            for (long seed = 1; seed <= 5; seed++) {
                LayerProblem p = problem(seed, options);
                AttentionTrace trace = Attention.run(p.x(), p.spec());
                Map<LayerStep, List<Matrix>> book = p.book();
                assertEquals(trace.q(), book.get(LayerStep.Q).get(0));
                assertEquals(trace.v(), book.get(LayerStep.V).get(0));
                for (int h = 0; h < p.heads(); h++) {
                    assertEquals(trace.matrix(Step.SCORES, h), book.get(LayerStep.SCORES).get(h));
                    assertEquals(trace.matrix(Step.WEIGHTS, h), book.get(LayerStep.WEIGHTS).get(h));
                }
                assertEquals(trace.concat(), book.get(LayerStep.OUTPUT).get(0));
            }
        }
    }

    @Test
    void everyStepRightIsCorrectWithNothingToRedo() {
        for (Map<String, Object> options : SETTINGS) {
            for (long seed = 1; seed <= 6; seed++) {
                LayerProblem p = problem(seed, options);
                LayerReport report = LayerMarker.mark(p, chain(p, Map.of()));
                assertEquals(p.steps().size(), report.count(LayerReport.Verdict.CORRECT), options + " seed " + seed + ": " + report);
                assertNull(report.firstToRedo());
                assertTrue(report.summary().startsWith(p.steps().size() + " steps right outright, 0 correct given"), report.summary());
            }
        }
    }

    @Test
    void aWrongQCarriesForwardThroughEveryLaterStep() {
        int checked = 0;
        for (Map<String, Object> options : SETTINGS) {
            for (long seed = 1; seed <= 6; seed++) {
                LayerProblem p = problem(seed, options);
                Map<LayerStep, List<Matrix>> answers = chain(p, with(LayerStep.Q, wrongQ(p)));
                if (!movesEveryLaterStep(p, answers)) {
                    continue;
                }
                checked++;
                LayerReport report = LayerMarker.mark(p, answers);
                assertEquals("wrong", report.steps().get("q").verdict().word());
                assertEquals("correct", report.steps().get("k").verdict().word());
                for (LayerStep step : p.steps().subList(3, p.steps().size())) {
                    LayerReport.Mark mark = report.steps().get(step.key());
                    assertEquals(LayerReport.Verdict.CARRIED_FORWARD, mark.verdict(), options + " seed " + seed + " " + step);
                    assertEquals("q", mark.cause());
                    assertTrue(mark.message().contains("Revisit Q = X·W_Q first"), mark.message());
                }
                assertEquals("q", report.firstToRedo());
                assertEquals("2 steps right outright, " + (p.steps().size() - 3)
                        + " correct given your earlier answers; the first step to redo is Q = X·W_Q.", report.summary());
            }
        }
        assertTrue(checked >= 10, "only " + checked + " problems had a Q slip that moves every later step");
    }

    @Test
    void wrongScoresFromTheRightQAreWrongNotCarriedForward() {
        for (Map<String, Object> options : SETTINGS) {
            for (long seed = 1; seed <= 4; seed++) {
                LayerProblem p = problem(seed, options);
                List<Matrix> scores = new ArrayList<>(p.book().get(LayerStep.SCORES));
                double[][] first = scores.get(0).toArray();
                first[0][0] += 2;
                scores.set(0, Matrix.of(first));
                Map<LayerStep, List<Matrix>> answers = new EnumMap<>(LayerStep.class);
                answers.put(LayerStep.Q, wrongQ(p));
                answers.put(LayerStep.K, p.book().get(LayerStep.K));
                answers.put(LayerStep.SCORES, scores);
                LayerReport report = LayerMarker.mark(p, answers);
                LayerReport.Mark mark = report.steps().get("scores");
                assertEquals(LayerReport.Verdict.WRONG, mark.verdict(), options + " seed " + seed);
                assertTrue(mark.wrongCells().size() >= 1);
                assertEquals("q", report.firstToRedo());
            }
        }
    }

    @Test
    void aStepWhoseInputsAreMissingIsJudgedOnTheBooksInputs() {
        LayerProblem p = problem(3, Map.of());
        Map<LayerStep, List<Matrix>> book = chain(p, Map.of());
        LayerReport report = LayerMarker.mark(p, with(LayerStep.WEIGHTS, book.get(LayerStep.WEIGHTS)));
        assertEquals(List.of("weights"), List.copyOf(report.steps().keySet()));
        assertEquals(LayerReport.Verdict.CORRECT, report.steps().get("weights").verdict());
    }

    /** True when the learner's chain from a wrong Q differs from the book at every step after K and V. */
    static boolean movesEveryLaterStep(LayerProblem p, Map<LayerStep, List<Matrix>> answers) {
        Map<LayerStep, List<Matrix>> book = p.book();
        for (LayerStep step : p.steps().subList(3, p.steps().size())) {
            if (!FullAttention.apart(step.rounding(), answers.get(step), book.get(step))) {
                return false;
            }
        }
        return true;
    }
}
