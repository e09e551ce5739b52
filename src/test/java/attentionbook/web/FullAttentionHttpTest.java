package attentionbook.web;

import attentionbook.RunningBook;
import attentionbook.attention.Matrix;
import attentionbook.exercise.FullAttention;
import attentionbook.exercise.LayerProblem;
import attentionbook.exercise.LayerStep;
import attentionbook.exercise.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-layer exercise of the full-picture chapter over HTTP: its grids, its marks, its 400s and its sheet. */
class FullAttentionHttpTest {
    static final String ID = "full-attention";
    static RunningBook book;

    @BeforeAll
    static void start() {
        book = RunningBook.start("--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    static LayerProblem problem(long seed) {
        FullAttention kind = new FullAttention();
        return kind.problem(seed, Settings.defaults(kind.options()));
    }

    static JsonNode json(HttpResponse<String> response) {
        return ExerciseHttpTest.json(response);
    }

    /** A grid as JSON, −∞ as "-inf", every cell rounded to the step's decimals as a learner writes it. */
    static String grid(Matrix m, int decimals) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            List<String> cells = new ArrayList<>();
            for (double v : m.row(r)) {
                cells.add(v == Double.NEGATIVE_INFINITY ? "\"-inf\"" : java.math.BigDecimal.valueOf(v)
                        .setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString());
            }
            rows.add("[" + String.join(", ", cells) + "]");
        }
        return "[" + String.join(", ", rows) + "]";
    }

    /** The learner's chain from a Q of their own: each later step worked from their previous, rounded grids. */
    static String answers(LayerProblem p, Matrix q) {
        Map<LayerStep, List<Matrix>> mine = new java.util.EnumMap<>(LayerStep.class);
        List<String> fields = new ArrayList<>();
        for (LayerStep step : p.steps()) {
            List<Matrix> grids = step == LayerStep.Q ? List.of(q) : p.compute(step, mine);
            int decimals = step.rounding().decimals();
            grids = grids.stream().map(m -> m.map(v -> Double.isFinite(v) ? Math.round(v * Math.pow(10, decimals)) / Math.pow(10, decimals) : v)).toList();
            mine.put(step, grids);
            fields.add("\"" + step.key() + "\": " + grid(grids.get(0), decimals));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    static HttpResponse<String> check(long seed, String answers) {
        return book.post("/api/exercises/" + ID + "/check", "{\"seed\": " + seed + ", \"answers\": " + answers + "}");
    }

    @Test
    void theStepsToFillInComeWithTheirShapes() {
        JsonNode steps = json(book.get("/api/exercises/" + ID + "/steps?seed=5"));
        List<String> keys = new ArrayList<>();
        steps.get("steps").forEach(s -> keys.add(s.get("key").asText()));
        assertEquals(List.of("q", "k", "v", "scores", "scaled", "masked", "weights", "output"), keys);
        JsonNode masked = steps.get("steps").get(5);
        assertEquals(3, masked.get("rows").asInt());
        assertTrue(masked.get("minusInfinity").asBoolean());
        assertEquals(2, masked.get("decimals").asInt());
        assertEquals(problem(5).headWidth(), steps.get("steps").get(0).get("cols").asInt());
    }

    @Test
    void everyStepRightIsCorrectForSeveralSeeds() {
        for (long seed = 1; seed <= 4; seed++) {
            LayerProblem p = problem(seed);
            JsonNode report = json(check(seed, answers(p, p.book().get(LayerStep.Q).get(0))));
            for (LayerStep step : p.steps()) {
                assertEquals("correct", report.get("steps").get(step.key()).get("verdict").asText(), "seed " + seed + " " + step);
            }
            assertTrue(report.get("firstToRedo").isNull());
            assertEquals(8, report.get("summary").get("correct").asInt());
        }
    }

    @Test
    void aWrongQIsCarriedForwardAndNamedAsTheStepToRedo() {
        for (long seed : new long[]{2, 7, 11}) {
            LayerProblem p = problem(seed);
            double[][] q = p.book().get(LayerStep.Q).get(0).toArray();
            q[p.tokens() - 1][0] += 1;
            HttpResponse<String> response = check(seed, answers(p, Matrix.of(q)));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode report = json(response);
            assertEquals("wrong", report.get("steps").get("q").get("verdict").asText());
            assertEquals("row " + p.tokens() + ", column 1", report.get("steps").get("q").get("wrongCells").get(0).get("name").asText());
            assertEquals("carried-forward", report.get("steps").get("scores").get("verdict").asText(), report.toString());
            assertEquals("q", report.get("steps").get("scores").get("cause").asText());
            assertEquals("q", report.get("firstToRedo").asText());
            assertTrue(report.get("summary").get("text").asText().endsWith("the first step to redo is Q = X·W_Q."), report.toString());
        }
    }

    @Test
    void malformedGridsAnswer400NamingTheStepRowAndColumn() {
        HttpResponse<String> text = check(3, "{\"scores\": [[1, 2, 3], [4, \"x\", 6], [7, 8, 9]]}");
        assertEquals(400, text.statusCode());
        JsonNode error = json(text);
        assertEquals("\"scores\" row 2, column 2 must be a number, not the text \"x\"", error.get("error").asText());
        assertEquals(2, error.get("row").asInt());
        assertEquals(2, error.get("col").asInt());

        HttpResponse<String> rows = check(3, "{\"q\": [[1, 2], [3, 4]]}");
        assertEquals("\"q\" must be 3×2 (3 rows of 2 numbers), not 2 rows", json(rows).get("error").asText());
        HttpResponse<String> shape = check(3, "{\"q\": [[1, 2], [3], [5, 6]]}");
        assertEquals(400, shape.statusCode());
        assertTrue(json(shape).get("error").asText().startsWith("\"q\" row 2 must be a list of 2 numbers"), shape.body());

        HttpResponse<String> inf = check(3, "{\"weights\": [[1, \"-inf\", 0], [0, 1, 0], [0, 0, 1]]}");
        assertEquals(400, inf.statusCode());
        assertTrue(json(inf).get("error").asText().startsWith("\"weights\" row 1, column 2 must be a number, not"), inf.body());

        assertEquals(200, check(3, "{\"masked\": [[1, \"-inf\", \"-inf\"], [0, 1, \"-inf\"], [0, 0, 1]]}").statusCode());
        HttpResponse<String> unknown = check(3, "{\"attention\": [[1]]}");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("error").asText().contains("the steps are q, k, v, scores, scaled, masked, weights, output"));
        assertEquals(400, check(3, "[1, 2]").statusCode());
        assertEquals(400, book.post("/api/exercises/score-grid/check", "{\"seed\": 1, \"answers\": {}}").statusCode(),
                "a one-answer exercise takes no steps");
        HttpResponse<String> noSeed = book.post("/api/exercises/" + ID + "/check", "{\"answers\": {}}");
        assertEquals(400, noSeed.statusCode());
        assertFalse(noSeed.body().contains("Exception"));
    }

    @Test
    void aStepsWorkedSolutionStartsFromTheLearnersOwnGrids() {
        LayerProblem p = problem(4);
        double[][] q = p.book().get(LayerStep.Q).get(0).toArray();
        q[0][0] += 1;
        String body = "{\"seed\": 4, \"answers\": {\"q\": " + grid(Matrix.of(q), 0) + "}}";
        JsonNode work = json(book.post("/api/exercises/" + ID + "/steps/scores/solution", body));
        JsonNode first = work.get("steps").get(0);
        assertTrue(first.get("text").asText().contains("Starting from your own Q"), first.toString());
        double yours = Matrix.of(q).row(0)[0] * p.book().get(LayerStep.K).get(0).get(0, 0)
                + Matrix.of(q).row(0)[1] * p.book().get(LayerStep.K).get(0).get(0, 1);
        assertEquals(yours, first.get("table").get("values").get(0).get(0).asDouble(), 1e-9);
    }

    @Test
    void theChaptersSheetAndItsAnswerKeyHoldTheWholeLayer() {
        String sheet = book.get("/worksheets/the-full-picture?seed=9").body();
        assertTrue(sheet.contains("A whole layer by hand"), "the exercise is on the sheet");
        assertTrue(sheet.contains("<caption><span class=\"matrix-name\">W_Q</span>") || sheet.contains(">W_Q<"), "W_Q is given");
        for (String step : List.of("Q = X·W_Q", "K = X·W_K", "V = X·W_V", "scores Q·Kᵀ", "scaled scores", "masked scores", "weights", "the output")) {
            assertTrue(sheet.contains("Your answer: " + step + " <span class=\"matrix-shape\">3×"), "a blank grid for " + step);
        }
        assertFalse(sheet.contains("−∞"), "no answer on the sheet itself");
        String key = book.get("/worksheets/the-full-picture/answers?seed=9").body();
        assertTrue(key.contains("Answer: masked scores"), "the key fills the step grids too");
        for (String step : List.of("Q = X·W_Q", "scores Q·Kᵀ", "scaled scores", "masked scores", "weights", "output")) {
            assertTrue(key.contains(step), "the key works the step " + step);
        }
        LayerProblem p = problem(9);
        String last = attentionbook.exercise.Numbers.fixed(p.book().get(LayerStep.OUTPUT).get(0).get(2, 1), 2, false);
        assertTrue(key.contains(">" + last + "<"), "the key prints the output " + last);
    }
}
