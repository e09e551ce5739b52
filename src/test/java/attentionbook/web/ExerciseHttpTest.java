package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.BookServerExtension;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.ExerciseKind;
import attentionbook.exercise.ExerciseKinds;
import attentionbook.exercise.Mistake;
import attentionbook.exercise.Seeds;
import attentionbook.exercise.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exercise API and the worksheets over a real port, with a fixture chapter holding every kind. */
class ExerciseHttpTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0",
            "--content", BookServerExtension.resource("/books/exercises"));

    static Path fixture() throws URISyntaxException {
        return Path.of(ExerciseHttpTest.class.getResource("/books/exercises").toURI());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Mappers.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The exercise generated here, in the test, by the core: what the server must agree with. */
    static Exercise local(String kind, long seed) {
        ExerciseKind k = ExerciseKinds.find(kind).orElseThrow();
        return k.generate(seed, Settings.defaults(k.options()));
    }

    static String rows(double[][] cells) {
        List<String> rows = new ArrayList<>();
        for (double[] row : cells) {
            List<String> values = new ArrayList<>();
            for (double v : row) {
                values.add(v == Double.NEGATIVE_INFINITY ? "\"-inf\"" : Double.toString(v));
            }
            rows.add("[" + String.join(", ", values) + "]");
        }
        return "[" + String.join(", ", rows) + "]";
    }

    static HttpResponse<String> check(String id, long seed, String answer) {
        return book.post("/api/exercises/" + id + "/check", "{\"seed\": " + seed + ", \"answer\": " + answer + "}");
    }

    @Test
    void theListNamesEveryDeclaredExerciseAndItsChapter() {
        JsonNode list = json(book.get("/api/exercises"));
        List<String> ids = new ArrayList<>();
        list.forEach(e -> ids.add(e.get("id").asText()));
        for (ExerciseKind kind : ExerciseKinds.all()) {
            assertTrue(ids.contains(kind.name()), kind.name() + " in " + ids);
        }
        assertTrue(ids.contains("projection-row-tokens-4-which-k"), ids.toString());
        List<String> chapters = new ArrayList<>();
        list.forEach(e -> {
            if (e.get("id").asText().equals("causal-mask")) {
                chapters.add(e.get("chapter").asText());
            }
        });
        assertTrue(chapters.contains("every-exercise"), "the chapter that declares it: " + chapters);
    }

    @Test
    void aPromptHasTheGivenMatricesAndTheAnswersShapeButNotTheAnswer() {
        HttpResponse<String> response = book.get("/api/exercises/score-grid?seed=42");
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = json(response);
        Exercise local = local("score-grid", 42);
        assertEquals(42, body.get("seed").asLong());
        assertEquals(local.prompt().get(0), body.get("prompt").get(0).asText());
        assertEquals("Q", body.get("given").get(0).get("name").asText());
        assertEquals(local.given().get(0).values().get(1, 2), body.get("given").get(0).get("values").get(1).get(2).asDouble());
        JsonNode form = body.get("answer");
        assertEquals("matrix", form.get("type").asText());
        assertEquals(3, form.get("rows").asInt());
        assertEquals("Give exact whole numbers.", form.get("instruction").asText());
        assertEquals(List.of("id", "kind", "title", "topic", "seed", "student", "prompt", "given", "answer", "hints", "solutionAvailable"),
                fieldNames(body), "nothing else, in particular no answer values or solution");
        assertFalse(form.has("values"));
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAStudentGetsTheirOwn() {
        String a = book.get("/api/exercises/softmax-row?seed=7").body();
        assertEquals(a, book.get("/api/exercises/softmax-row?seed=7").body());
        assertNotEquals(a, book.get("/api/exercises/softmax-row?seed=8").body());
        JsonNode alice = json(book.get("/api/exercises/softmax-row?student=Alice"));
        assertEquals(Seeds.forStudent("alice"), alice.get("seed").asLong());
        assertEquals("Alice", alice.get("student").asText());
        assertEquals(Seeds.DEFAULT, json(book.get("/api/exercises/softmax-row")).get("seed").asLong());
    }

    @Test
    void everyKindAcceptsTheRightAnswerAndNamesAMistake() {
        for (ExerciseKind kind : ExerciseKinds.all()) {
            long seed = 1000 + kind.name().length();
            Exercise e = local(kind.name(), seed);
            JsonNode right = json(check(kind.name(), seed, rows(e.answer().toArray())));
            assertTrue(right.get("correct").asBoolean(), kind.name() + ": " + right);
            Mistake mistake = e.mistakes().get(0);
            JsonNode wrong = json(check(kind.name(), seed, rows(mistake.result().toArray())));
            assertFalse(wrong.get("correct").asBoolean(), kind.name());
            assertFalse(wrong.get("wrongCells").isEmpty(), "the wrong cells are named: " + wrong);
            List<String> keys = new ArrayList<>();
            wrong.get("diagnoses").forEach(d -> keys.add(d.get("key").asText()));
            assertTrue(keys.contains(mistake.key()), kind.name() + ": " + mistake.key() + " in " + wrong);
        }
    }

    @Test
    void aMaskedCellIsTypedAsMinusInfinity() {
        Exercise e = local("causal-mask", 3);
        String answer = rows(e.answer().toArray());
        assertTrue(answer.contains("\"-inf\""));
        assertTrue(json(check("causal-mask", 3, answer)).get("correct").asBoolean());
        assertTrue(json(check("causal-mask", 3, answer.replace("\"-inf\"", "\"−∞\""))).get("correct").asBoolean());
        HttpResponse<String> elsewhere = check("score", 3, "\"-inf\"");
        assertEquals(400, elsewhere.statusCode());
        assertEquals("\"answer\" must be a number, not the text \"-inf\"", json(elsewhere).get("error").asText());
    }

    @Test
    void hintsComeOneStepAtATimeAndTheSolutionShowsTheAnswer() {
        Exercise e = local("scale-grid", 5);
        JsonNode first = json(book.get("/api/exercises/scale-grid/hints?seed=5&step=1"));
        assertEquals(1, first.get("step").asInt());
        assertEquals(e.hints().size(), first.get("of").asInt());
        assertEquals(e.hints().get(0).text(), first.get("hint").get("text").asText());
        JsonNode second = json(book.get("/api/exercises/scale-grid/hints?seed=5&step=2"));
        assertEquals(e.hints().get(1).lines().get(0), second.get("hint").get("lines").get(0).asText());
        for (String step : new String[]{"0", String.valueOf(e.hints().size() + 1), "two", "-1", "99999999999"}) {
            HttpResponse<String> bad = book.get("/api/exercises/scale-grid/hints?seed=5&step=" + step);
            assertEquals(400, bad.statusCode(), step);
            assertTrue(json(bad).get("error").asText().startsWith("\"step\" must be a whole number from 1 to "), bad.body());
        }
        JsonNode solution = json(book.get("/api/exercises/scale-grid/solution?seed=5"));
        assertEquals(e.answer().get(1, 1), solution.get("answer").get("values").get(1).get(1).asDouble());
        assertEquals(e.solution().size(), solution.get("steps").size());
        assertTrue(solution.get("steps").get(1).get("lines").get(1).asText().startsWith("= "), solution.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, 5, 6]]}|\"answer\" has 2 rows but the answer is 3×3: it needs 3 rows",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, 5], [7, 8, 9]]}|\"answer\" row 2 has 2 numbers but the answer is 3×3: each row needs 3",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, null, 6], [7, 8, 9]]}|\"answer\" row 2, column 2 is empty: fill in every cell",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, \"\", 6], [7, 8, 9]]}|\"answer\" row 2, column 2 is empty: fill in every cell",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, 5, 6], [7, 8, \"nine\"]]}|\"answer\" row 3, column 3 must be a number, not the text \"nine\"",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, 5, 6], [7, 8, \"111111111111111111111111111111111111111111\"]]}|\"answer\" row 3, column 3 is too long: at most 32 characters",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, 5, 6], [7, 8, 1e999]]}|\"answer\" row 3, column 3 is too large: numbers must be finite",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, 5, 6], [7, 8, true]]}|\"answer\" row 3, column 3 must be a number, not true",
            "{\"seed\": 1, \"answer\": [1, 2, 3]}|\"answer\" must be a list of 3 rows (a 3×3 matrix), not a flat list",
            "{\"seed\": 1, \"answer\": 5}|\"answer\" must be a list of 3 rows of 3 numbers (a 3×3 matrix), not 5",
            "{\"seed\": 1, \"answer\": [[1, 2, 3], 4, [7, 8, 9]]}|\"answer\" row 2 must be a list of 3 numbers, not 4",
            "{\"seed\": 1}|\"answer\" is missing: a list of 3 rows of 3 numbers (a 3×3 matrix)",
            "{\"answer\": [[1]]}|\"seed\" is missing: send the seed the exercise was generated with",
            "{\"seed\": \"one\", \"answer\": [[1]]}|\"seed\" must be a whole number from 0 to 999999999, not the text \"one\"",
            "{\"seed\": -4, \"answer\": [[1]]}|\"seed\" must be a whole number from 0 to 999999999, not -4",
            "{\"seed\": 1000000000, \"answer\": [[1]]}|\"seed\" must be a whole number from 0 to 999999999, not 1000000000",
            "{\"seed\": 1.5, \"answer\": [[1]]}|\"seed\" must be a whole number from 0 to 999999999, not 1.5",
            "{\"seed\": 1, \"answer\": [[1]], \"correct\": true}|unknown field \"correct\": the body has \"seed\" and \"answer\"",
            "[1, 2]|the body must be a JSON object such as {\"seed\": 1, \"answer\": [[1, 2]]}",
            "{\"seed\": 1, |the body is not valid JSON",
            "|the body is empty: send a JSON object such as {\"seed\": 1, \"answer\": [[1, 2]]}",
    })
    void malformedAnswersGetA400NamingTheFieldNeverAVerdict(String body, String message) {
        HttpResponse<String> response = book.post("/api/exercises/score-grid/check", body == null ? "" : body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = json(response);
        assertTrue(error.get("error").asText().startsWith(message), "expected " + message + "\n but got " + error);
        assertFalse(response.body().contains("correct") && !message.contains("correct"), "never a verdict: " + response.body());
    }

    @Test
    void aCellErrorSaysWhichCellForTheBrowserToMark() {
        JsonNode error = json(book.post("/api/exercises/score-grid/check", "{\"seed\": 1, \"answer\": [[1, 2, 3], [4, null, 6], [7, 8, 9]]}"));
        assertEquals(2, error.get("row").asInt());
        assertEquals(2, error.get("col").asInt());
        JsonNode vector = json(check("softmax-row", 1, "[0.5, \"x\", 0.2]"));
        assertEquals("\"answer\" column 2 (s₁₂) must be a number, not the text \"x\"", vector.get("error").asText());
        JsonNode number = json(check("score", 1, "\"x\""));
        assertEquals("\"answer\" must be a number, not the text \"x\"", number.get("error").asText());
    }

    @Test
    void hugeBodiesAndNumbersAre400NotA500() {
        HttpResponse<String> big = book.post("/api/exercises/score/check", "{\"seed\": 1, \"answer\": [" + "1, ".repeat(9000) + "1]}");
        assertEquals(413, big.statusCode());
        assertTrue(json(big).get("error").asText().endsWith("bytes but the API accepts at most 16384 bytes (16 KiB) in one request"), big.body());
        HttpResponse<String> digits = check("score", 1, "1" + "0".repeat(1500));
        assertEquals(400, digits.statusCode());
        assertTrue(json(digits).get("error").asText().startsWith("a number in the body is too long"), digits.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed=abc", "seed=-1", "seed=1000000000", "seed=99999999999999999999999", "seed=", "student=", "student=" + "x"})
    void badSeedsInTheApiAre400(String query) {
        String q = query.equals("student=x") ? "student=" + "x".repeat(100) : query;
        HttpResponse<String> response = book.get("/api/exercises/score?" + q);
        assertEquals(400, response.statusCode(), q + ": " + response.body());
        assertTrue(json(response).get("error").asText().startsWith(q.startsWith("seed") ? "\"seed\": " : "\"student\": "));
    }

    @Test
    void anUnknownExerciseIs404() {
        HttpResponse<String> response = book.get("/api/exercises/no-such-thing?seed=1");
        assertEquals(404, response.statusCode());
        assertEquals("no exercise \"no-such-thing\": GET /api/exercises lists them", json(response).get("error").asText());
        assertEquals(404, book.post("/api/exercises/no-such-thing/check", "{\"seed\": 1, \"answer\": 1}").statusCode());
    }

    @Test
    void aChapterPageDeclaresItsExercisesWithoutTheirAnswers() {
        String html = book.get("/chapters/every-exercise").body();
        assertTrue(html.contains("data-exercise=\"causal-mask\" data-exercise-id=\"causal-mask\" data-options=\"{}\""), html);
        assertTrue(html.contains("data-exercise-id=\"projection-row-tokens-4-which-k\""), html);
        assertFalse(html.contains("matrix-table"), "no matrices are generated into this fixture page");
        assertTrue(book.get("/chapters/input-shapes").body().contains("data-exercise=\"pipeline-shapes\""));
    }

    @Test
    void aChapterWorksheetHasTheSeedTheExercisesAndBlankAnswerGrids() {
        HttpResponse<String> sheet = book.get("/worksheets/every-exercise?seed=42");
        assertEquals(200, sheet.statusCode());
        String html = sheet.body();
        assertTrue(html.contains("Seed <strong class=\"worksheet-seed\">42</strong>"), html);
        assertTrue(html.contains("/worksheets/every-exercise?seed=42"));
        assertTrue(html.contains("href=\"/worksheets/every-exercise/answers?seed=42\""), html);
        Exercise scores = local("score-grid", 42);
        assertTrue(html.contains(scores.prompt().get(1)), "the prompt");
        assertEquals(ExerciseKinds.all().size() + 1, count(html, "class=\"worksheet-exercise\""), "every exercise of the chapter");
        assertTrue(html.contains("<td class=\"answer-cell\"></td>"), "blank cells to write in");
        assertFalse(html.contains("Worked solution"), "no solutions on a sheet");
        assertFalse(html.contains("style=\""), "no inline styles");
        String again = book.get("/worksheets/every-exercise?seed=42").body();
        assertEquals(withoutNewNumbers(html), withoutNewNumbers(again), "the same seed gives the same sheet");
    }

    @Test
    void theAnswerKeyShowsAnswersAndWorkedSolutions() {
        HttpResponse<String> key = book.get("/worksheets/every-exercise/answers?seed=42");
        assertEquals(200, key.statusCode());
        String html = key.body();
        assertTrue(html.contains("Answer key"), html);
        Exercise scores = local("score-grid", 42);
        assertTrue(html.contains("<td class=\"answer-cell\">" + (int) scores.answer().get(0, 0) + "</td>")
                || html.contains("<td class=\"answer-cell\">−" + (int) -scores.answer().get(0, 0) + "</td>"), "the answer's cells");
        assertTrue(html.contains("Worked solution"));
        assertTrue(html.contains(scores.solution().get(0).lines().get(1)), "the core's arithmetic");
        assertTrue(html.contains("href=\"/worksheets/every-exercise?seed=42\""), "back to the sheet");
    }

    @Test
    void theWholeBookSheetCoversEveryChapterWithExercises() {
        String html = book.get("/worksheets?seed=9").body();
        assertTrue(html.contains("Input shapes"), html);
        assertTrue(html.contains("Every exercise"), html);
        assertTrue(count(html, "class=\"worksheet-exercise\"") >= 20);
        assertEquals(200, book.get("/worksheets/answers?seed=9").statusCode());
    }

    @Test
    void aStudentsSheetIsTheirsAndSaysSo() {
        String html = book.get("/worksheets/input-shapes?student=Ada%20Lovelace").body();
        assertTrue(html.contains("Seed <strong class=\"worksheet-seed\">" + Seeds.forStudent("ada lovelace") + "</strong>"), html);
        assertTrue(html.contains("Student <strong class=\"worksheet-student\">Ada Lovelace</strong>"));
        String evil = book.get("/worksheets/input-shapes?student=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertFalse(evil.contains("<script>alert"), "a student name is escaped");
        assertTrue(evil.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void aSheetWithoutASeedGetsOneInItsAddress() {
        HttpResponse<String> response = book.get("/worksheets/input-shapes");
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").matches("/worksheets/input-shapes\\?seed=\\d+"),
                response.headers().toString());
        HttpResponse<String> key = book.get("/worksheets/input-shapes/answers");
        assertEquals(400, key.statusCode());
        assertTrue(key.body().contains("An answer key belongs to one sheet"), key.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed=abc", "seed=12345678901234567890", "seed=-3", "seed=%3Cb%3E", "student=%20"})
    void badSeedsOnASheetAre400PagesNot500(String query) {
        for (String path : new String[]{"/worksheets/input-shapes?", "/worksheets?", "/worksheets/input-shapes/answers?"}) {
            HttpResponse<String> response = book.get(path + query);
            assertEquals(400, response.statusCode(), path + query);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().contains("This sheet's address is not valid"), response.body());
            assertFalse(response.body().contains("<b>"), "the seed is escaped");
        }
    }

    @Test
    void unknownChaptersHaveNoWorksheet() {
        assertEquals(404, book.get("/worksheets/no-such-chapter?seed=1").statusCode());
        assertEquals(404, book.get("/worksheets/no-such-chapter/answers?seed=1").statusCode());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** The sheet without its "New numbers" link, whose seed is fresh on every request. */
    private static String withoutNewNumbers(String html) {
        return html.replaceAll("seed=\\d+\">New numbers", "\">New numbers");
    }
}
