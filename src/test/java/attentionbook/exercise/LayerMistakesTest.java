package attentionbook.exercise;

import attentionbook.attention.Matrix;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static attentionbook.exercise.LayerMarkerTest.chain;
import static attentionbook.exercise.LayerMarkerTest.problem;
import static attentionbook.exercise.LayerMarkerTest.with;
import static attentionbook.exercise.LayerMarkerTest.wrongQ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each named mistake, made on the learner's own (wrong) earlier grids, is recognised: the grid is
 * computed here by hand from the learner's Q onwards with that one thing done wrong.
 */
class LayerMistakesTest {

    interface Slip {
        List<Matrix> apply(LayerProblem p, Map<LayerStep, List<Matrix>> learner);
    }

    /** For several seeds, a chain from a wrong Q with {@code step} done this wrong way is named {@code key}. */
    static void recognised(Map<String, Object> options, LayerStep step, String key, Slip slip) {
        int named = 0;
        for (long seed = 1; seed <= 40 && named < 3; seed++) {
            LayerProblem p = problem(seed, options);
            Map<LayerStep, List<Matrix>> learner = chain(p, with(LayerStep.Q, wrongQ(p)));
            List<Matrix> mistaken = slip.apply(p, learner).stream().map(m -> Grids.rounded(m, step.rounding().decimals())).toList();
            Map<LayerStep, List<Matrix>> answers = new EnumMap<>(LayerStep.class);
            for (LayerStep earlier : p.steps().subList(0, p.steps().indexOf(step))) {
                answers.put(earlier, learner.get(earlier));
            }
            if (!FullAttention.apart(step.rounding(), mistaken, p.compute(step, answersOrBook(p, answers)))) {
                continue;   // on these numbers the mistake gives the right grid: nothing to name
            }
            answers.put(step, mistaken);
            LayerReport.Mark mark = LayerMarker.mark(p, answers).steps().get(step.key());
            assertEquals(LayerReport.Verdict.WRONG, mark.verdict(), "seed " + seed);
            assertTrue(mark.diagnoses().stream().anyMatch(d -> d.key().equals(key)),
                    "seed " + seed + ": " + key + " not named among " + mark.diagnoses());
            named++;
        }
        assertEquals(3, named, key + " was named on only " + named + " problems");
    }

    static Map<LayerStep, List<Matrix>> answersOrBook(LayerProblem p, Map<LayerStep, List<Matrix>> answers) {
        Map<LayerStep, List<Matrix>> basis = new EnumMap<>(p.book());
        basis.putAll(answers);
        return basis;
    }

    static List<Matrix> perHead(LayerProblem p, java.util.function.IntFunction<Matrix> head) {
        return java.util.stream.IntStream.range(0, p.heads()).mapToObj(head).toList();
    }

    @Test
    void noTranspose() {
        recognised(Map.of("tokens", 2, "width", 2), LayerStep.SCORES, "no-transpose", (p, l) -> perHead(p, h ->
                p.head(l.get(LayerStep.Q).get(0), h).times(p.head(l.get(LayerStep.K).get(0), h))));
    }

    @Test
    void mirroredScores() {
        recognised(Map.of(), LayerStep.SCORES, "grid-transposed", (p, l) -> perHead(p, h ->
                p.head(l.get(LayerStep.K).get(0), h).times(p.head(l.get(LayerStep.Q).get(0), h).transpose())));
    }

    @Test
    void squareRootOfDModel() {
        for (Map<String, Object> options : List.of(Map.<String, Object>of(), Map.<String, Object>of("heads", 2))) {
            recognised(options, LayerStep.SCALED, "sqrt-d-model", (p, l) ->
                    l.get(LayerStep.SCORES).stream().map(s -> s.scale(1 / Math.sqrt(p.x().cols()))).toList());
        }
    }

    @Test
    void softmaxDownColumns() {
        recognised(Map.of(), LayerStep.WEIGHTS, "softmax-columns", (p, l) ->
                l.get(LayerStep.MASKED).stream().map(s -> LayerProblem.softmax(s.transpose()).transpose()).toList());
    }

    @Test
    void maskOnTheWrongSide() {
        recognised(Map.of(), LayerStep.MASKED, "wrong-side", (p, l) -> l.get(LayerStep.SCALED).stream().map(s -> {
            double[][] cells = s.toArray();
            for (int i = 0; i < cells.length; i++) {
                for (int j = 0; j < i; j++) {
                    cells[i][j] = Double.NEGATIVE_INFINITY;
                }
            }
            return Matrix.of(cells);
        }).toList());
    }

    @Test
    void keysForValues() {
        recognised(Map.of(), LayerStep.OUTPUT, "keys-for-values", (p, l) ->
                List.of(l.get(LayerStep.WEIGHTS).get(0).times(l.get(LayerStep.K).get(0))));
    }

    @Test
    void roundingTheWeightsTooEarly() {
        recognised(Map.of(), LayerStep.OUTPUT, "rounded-too-early", (p, l) ->
                List.of(Grids.rounded(l.get(LayerStep.WEIGHTS).get(0), 1).times(l.get(LayerStep.V).get(0))));
    }
}
