package attentionbook.web;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every class of bad body answers 4xx with {"error": ...} naming the field, and both shapes for a mismatch. */
class AttentionApiErrorsTest {
    /** Identity weights of width 2 for a 2-wide x. */
    private static final String I2 = "\"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]";
    private static final String LIMITS = "see the API section of the README";

    private final RunningBook book = ApiTesting.book();

    static Stream<Arguments> badBodies() {
        return Stream.of(
                // not JSON, or not one JSON object
                bad("cut short", "{\"x\": [[1, 2]", 400, "not valid JSON", "at line 1", "in \"x\""),
                bad("a word", "hello", 400, "not valid JSON", "Unrecognized token 'hello'"),
                bad("empty", "", 400, "the body is empty", "send a JSON object"),
                bad("only spaces", " \n\t ", 400, "the body is empty"),
                bad("a list", "[[1, 2]]", 400, "the body must be a JSON object"),
                bad("null", "null", 400, "the body must be a JSON object"),
                bad("a duplicate key", "{\"x\": [[1, 1]], \"x\": [[2, 2]], " + I2 + "}", 400, "the field 'x' appears twice"),
                bad("two objects", "{\"x\": [[1, 1]], " + I2 + "} {}", 400, "more after the first JSON value"),
                bad("arrays 40 deep", "{\"x\": " + "[".repeat(40) + "]".repeat(40) + "}", 400,
                        "nests lists and objects more than 32 deep", "3 lists deep"),
                // wrong types
                bad("x is text", "{\"x\": \"hello\", " + I2 + "}", 400, "\"x\" must be a matrix"),
                bad("x is a list of numbers", "{\"x\": [1, 2], " + I2 + "}", 400, "\"x\" row 1 must be a list of numbers, not 1"),
                bad("a cell is text", "{\"x\": [[1, \"a\"]], " + I2 + "}", 400, "\"x\" row 1, column 2 must be a number, not the text \"a\""),
                bad("a cell is null", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [null, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}",
                        400, "\"wq\" row 2, column 1 must be a number, not null"),
                bad("heads is text", "{\"x\": [[1, 2]], " + I2 + ", \"heads\": \"2\"}", 400, "\"heads\" must be a whole number, not the text \"2\""),
                bad("heads is a fraction", "{\"x\": [[1, 2]], " + I2 + ", \"heads\": 1.5}", 400, "\"heads\" must be a whole number, not 1.5"),
                bad("causal is text", "{\"x\": [[1, 2]], " + I2 + ", \"causal\": \"yes\"}", 400, "\"causal\" must be true or false"),
                bad("scale is a number", "{\"x\": [[1, 2]], " + I2 + ", \"scale\": 1}", 400, "\"scale\" must be true or false, not 1"),
                // ragged and empty matrices
                bad("ragged x", "{\"x\": [[1, 2], [3]], " + I2 + "}", 400, "\"x\" is ragged: row 2 has 1 number but row 1 has 2"),
                bad("ragged wk", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1, 2]], \"wv\": [[1, 0], [0, 1]]}",
                        400, "\"wk\" is ragged: row 2 has 3 numbers but row 1 has 2"),
                bad("empty x", "{\"x\": [], " + I2 + "}", 400, "\"x\" must be a matrix: a non-empty list of rows"),
                bad("empty row", "{\"x\": [[]], " + I2 + "}", 400, "\"x\" row 1 is empty"),
                bad("empty wv", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": []}", 400, "\"wv\" must be a matrix"),
                // numbers that are not finite
                bad("NaN", "{\"x\": [[NaN, 1]], " + I2 + "}", 400, "NaN and Infinity are not JSON numbers", "in \"x\""),
                bad("Infinity", "{\"x\": [[1, 1]], \"wq\": [[Infinity, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}",
                        400, "NaN and Infinity are not JSON numbers", "in \"wq\""),
                bad("-Infinity", "{\"x\": [[-Infinity, 1]], " + I2 + "}", 400, "NaN and Infinity are not JSON numbers"),
                bad("1e999", "{\"x\": [[1, 1e999]], " + I2 + "}", 400, "\"x\" row 1, column 2 is too large", "finite"),
                bad("-1e999 in wv", "{\"x\": [[1, 1]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, -1e999]]}",
                        400, "\"wv\" row 2, column 2 is too large"),
                bad("a 400-digit integer", "{\"x\": [[1, 1" + "0".repeat(400) + "]], " + I2 + "}", 400, "\"x\" row 1, column 2 is too large"),
                // missing and unknown fields
                bad("no x", "{" + I2 + "}", 400, "\"x\" is missing"),
                bad("no wq", "{\"x\": [[1, 2]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}", 400, "\"wq\" is missing"),
                bad("no wv", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]]}", 400, "\"wv\" is missing"),
                bad("casual", "{\"x\": [[1, 2]], " + I2 + ", \"casual\": true}", 400, "unknown field \"casual\"", "did you mean \"causal\"?"),
                bad("Wo", "{\"x\": [[1, 2]], " + I2 + ", \"Wo\": [[1]]}", 400, "unknown field \"Wo\"", "did you mean \"wo\"?"),
                bad("an explain field", "{\"x\": [[1, 2]], " + I2 + ", \"row\": 0}", 400, "unknown field \"row\"", "known fields: causal, heads"),
                // heads
                bad("heads do not divide wq", "{\"x\": [[1, 2]], \"wq\": [[1, 0, 1], [0, 1, 1]], \"wk\": [[1, 0, 1], [0, 1, 1]], "
                        + "\"wv\": [[1, 0, 1, 1], [0, 1, 1, 1]], \"heads\": 2}", 400, "heads = 2 does not divide the width of wq (3)", "wq is 2×3"),
                bad("heads do not divide wv", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], "
                        + "\"wv\": [[1, 0, 1], [0, 1, 1]], \"heads\": 2}", 400, "heads = 2 does not divide the width of wv (3)", "wv is 2×3"),
                bad("no heads", "{\"x\": [[1, 2]], " + I2 + ", \"heads\": 0}", 400, "heads = 0", "at least one head"),
                // shapes that do not fit, each naming both shapes
                bad("x too wide for wq", "{\"x\": [[1, 2, 3]], " + I2 + "}", 400, "x is 1×3 but wq is 2×2", "d_model = 2"),
                bad("wk narrower than wq", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1], [0]], \"wv\": [[1, 0], [0, 1]]}",
                        400, "wk is 2×1 but wq is 2×2"),
                bad("wv with other rows", "{\"x\": [[1, 2]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1], [1, 1]]}",
                        400, "wv is 3×2 but wq is 2×2"),
                bad("wo with other rows", "{\"x\": [[1, 2]], " + I2 + ", \"wo\": [[1], [1], [1]]}", 400, "wo is 3×1 but wv is 2×2"),
                bad("a batch of two shapes", "{\"x\": [[[1, 2]], [[1, 2], [3, 4]]], " + I2 + "}", 400,
                        "\"x\" sequence 2 is 2×2 but sequence 1 is 1×2"),
                // results too large for a double
                bad("queries overflow", "{\"x\": [[1e300, 1e300]], \"wq\": [[1e10, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}",
                        422, "the queries overflow", "Q[1][1]", "too large for a double"),
                bad("scores overflow", "{\"x\": [[1e200, 1e200]], " + I2 + "}", 422, "the scores overflow", "q₁·k₁"),
                bad("the output overflows", "{\"x\": [[1e200, 1e200]], \"wq\": [[0, 0], [0, 0]], \"wk\": [[0, 0], [0, 0]], "
                        + "\"wv\": [[1, 0], [0, 1]], \"wo\": [[1e200, 0], [0, 1]]}", 422, "the output overflows", "output[1][1]"),
                bad("one sequence of a batch overflows", "{\"x\": [[[1, 1]], [[1e200, 1]]], " + I2 + "}", 422,
                        "sequence 2 (index 1)", "the scores overflow"));
    }

    static Stream<Arguments> overLimits() {
        int t = AttentionLimits.MAX_TOKENS;
        int w = AttentionLimits.MAX_WIDTH;
        int heads = AttentionLimits.MAX_HEADS;
        int batch = AttentionLimits.MAX_BATCH;
        int shortRows = t / batch + 1;
        return Stream.of(
                bad("T", "{\"x\": " + rows(t + 1, 2) + ", " + I2 + "}", 400,
                        "\"x\": " + (t + 1) + " rows (tokens, T), more than the API's limit of " + t, LIMITS),
                bad("d_model", "{\"x\": " + rows(1, w + 1) + ", \"wq\": " + rows(w + 1, 1) + ", \"wk\": " + rows(w + 1, 1)
                        + ", \"wv\": " + rows(w + 1, 1) + "}", 400, "\"x\": " + (w + 1) + " columns (d_model), more than the API's limit of " + w),
                bad("h·d_k", "{\"x\": [[1]], \"wq\": " + rows(1, w + 1) + ", \"wk\": [[1]], \"wv\": [[1]]}", 400,
                        "\"wq\": " + (w + 1) + " columns (h·d_k), more than the API's limit of " + w),
                bad("h·d_v", "{\"x\": [[1]], \"wq\": [[1]], \"wk\": [[1]], \"wv\": " + rows(1, w + 1) + "}", 400,
                        "\"wv\": " + (w + 1) + " columns (h·d_v)"),
                bad("d_out", "{\"x\": [[1]], \"wq\": [[1]], \"wk\": [[1]], \"wv\": [[1]], \"wo\": " + rows(1, w + 1) + "}", 400,
                        "\"wo\": " + (w + 1) + " columns (d_out)"),
                bad("heads", "{\"x\": [[1]], \"wq\": " + rows(1, heads + 1) + ", \"wk\": " + rows(1, heads + 1) + ", \"wv\": "
                        + rows(1, heads + 1) + ", \"heads\": " + (heads + 1) + "}", 400,
                        "\"heads\": " + (heads + 1) + " heads, more than the API's limit of " + heads),
                bad("B", "{\"x\": [" + String.join(", ", java.util.Collections.nCopies(batch + 1, "[[1]]")) + "], \"wq\": [[1]], \"wk\": [[1]], \"wv\": [[1]]}",
                        400, "\"x\": " + (batch + 1) + " sequences (B), more than the API's limit of " + batch),
                bad("B·T", "{\"x\": [" + String.join(", ", java.util.Collections.nCopies(batch, rows(shortRows, 1)))
                        + "], \"wq\": [[1]], \"wk\": [[1]], \"wv\": [[1]]}", 400,
                        "\"x\": " + batch * shortRows + " tokens in all (B·T = " + batch + "·" + shortRows + ")",
                        "limit of " + t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"badBodies", "overLimits"})
    void aBadBodyAnswersItsStatusAndSaysWhatIsWrong(String what, String body, int status, List<String> words) {
        assertError(book.post("/api/attention", body), status, words);
    }

    /** The largest requests the limits allow are answered (a limit must not be off by one). */
    @ParameterizedTest(name = "B = {0}")
    @ValueSource(ints = {1, AttentionLimits.MAX_BATCH})
    void aRequestAtEveryLimitIsAnswered(int b) {
        int t = AttentionLimits.MAX_TOKENS / b;
        int w = AttentionLimits.MAX_WIDTH;
        String x = b == 1 ? rows(t, w) : "[" + String.join(", ", java.util.Collections.nCopies(b, rows(t, w))) + "]";
        HttpResponse<String> response = book.post("/api/attention", "{\"x\": " + x + ", \"wq\": " + rows(w, w) + ", \"wk\": "
                + rows(w, w) + ", \"wv\": " + rows(w, w) + ", \"wo\": " + rows(w, w) + ", \"heads\": " + AttentionLimits.MAX_HEADS
                + ", \"causal\": true}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals((b == 1 ? "" : b + "×") + t + "×" + w, parse(response.body()).get("shapes").get("output").asText());
    }

    @Test
    void aBodyThatAnnouncesTooManyBytesAnswers413Json() {
        String body = "{\"x\": [[" + "1, ".repeat(AttentionLimits.MAX_BODY_BYTES / 3) + "1]]}";
        assertError(book.post("/api/attention", body), 413,
                List.of("the body is " + body.getBytes(StandardCharsets.UTF_8).length + " bytes",
                        "at most " + AttentionLimits.MAX_BODY_BYTES + " bytes"));
    }

    @Test
    void aStreamedBodyThatGrowsTooLargeAnswers413Json() {
        byte[] body = ("{\"x\": [[" + "1, ".repeat(AttentionLimits.MAX_BODY_BYTES / 3) + "1]]}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(book.url("/api/attention")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        assertError(book.send(chunked), 413, List.of("more than " + AttentionLimits.MAX_BODY_BYTES + " bytes"));
    }

    @Test
    void aFormPostIsToldToSendJson() {
        HttpRequest form = HttpRequest.newBuilder(URI.create(book.url("/api/attention")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1&wq=2")).build();
        assertError(book.send(form), 400, List.of("not valid JSON", "Content-Type is application/x-www-form-urlencoded",
                "send application/json"));
    }

    @Test
    void otherMethodsAnswer405JsonNamingPost() {
        for (String path : List.of("/api/attention", "/api/attention/explain")) {
            HttpResponse<String> get = book.get(path);
            assertError(get, 405, List.of("GET is not allowed on " + path, "POST a JSON body"));
            assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
            HttpResponse<String> delete = book.send(HttpRequest.newBuilder(URI.create(book.url(path))).DELETE().build());
            assertError(delete, 405, List.of("DELETE is not allowed"));
        }
    }

    /** Inputs from 1 to 1e300 in magnitude: an answer is finite throughout, or a 422 names the overflow. */
    @Test
    void noMagnitudeOfInputLetsNanOrInfinityOut() {
        int answered = 0;
        int overflowed = 0;
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double scale = Math.pow(10, random.nextInt(0, 301));
            StringBuilder x = new StringBuilder("[");
            for (int r = 0; r < 3; r++) {
                x.append(r == 0 ? "[" : ", [").append(random.nextDouble(-scale, scale)).append(", ")
                        .append(random.nextDouble(-scale, scale)).append("]");
            }
            String body = "{\"x\": " + x + "], " + I2 + ", \"causal\": " + random.nextBoolean() + ", \"wo\": [[" + scale + ", 1], [1, -1]]}";
            HttpResponse<String> response = book.post("/api/attention", body);
            String seen = "seed " + seed + " (scale " + scale + "): " + response.body();
            assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), seen);
            if (response.statusCode() == 422) {
                overflowed++;
                assertTrue(parse(response.body()).get("error").asText().contains("overflow"), seen);
            } else {
                answered++;
                assertEquals(200, response.statusCode(), seen);
                parse(response.body()).findValues("output").forEach(out -> out.forEach(row -> row.forEach(
                        cell -> assertTrue(cell.isNumber() && Double.isFinite(cell.doubleValue()), seen))));
            }
        }
        assertTrue(answered > 5 && overflowed > 5, "both outcomes tried: " + answered + " answered, " + overflowed + " overflowed");
    }

    static Arguments bad(String what, String body, int status, String... words) {
        return Arguments.of(what, body, status, List.of(words));
    }

    /** A rows×cols matrix of small distinct numbers, as JSON. */
    static String rows(int rows, int cols) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            json.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < cols; c++) {
                json.append(c == 0 ? "" : ", ").append((r * 7 + c * 3) % 11 / 10.0);
            }
            json.append("]");
        }
        return json.append("]").toString();
    }
}
