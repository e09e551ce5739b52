package attentionbook.web;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same malformed body sent to every endpoint that takes a JSON body answers the same status and says the
 * same thing, since one reader reads them all: only the example of a good body and a stricter size limit
 * differ from one endpoint to another.
 */
class ApiBodyUniformityTest {
    private static List<String> routes;

    private final RunningBook book = ApiTesting.book();

    /** Every POST route with a JSON body; the exercise and the lab run are real, so the body is what is refused. */
    private static synchronized List<String> routes() {
        if (routes == null) {
            RunningBook book = ApiTesting.book();
            String exercise = parse(book.get("/api/exercises").body()).get(0).get("id").asText();
            HttpResponse<String> started = book.post("/api/lab/runs", String.format(LabApiTest.TINY, 7));
            assertEquals(200, started.statusCode(), started.body());
            String run = parse(started.body()).get("id").asText();
            // the event stream ends when the run does: predictions need its trained weights
            book.send(HttpRequest.newBuilder(URI.create(book.url("/api/lab/runs/" + run + "/events")))
                    .header("Accept", "text/event-stream").GET().build());
            routes = List.of("/api/attention", "/api/attention/explain", "/api/softmax", "/api/softmax/explain", "/api/scaling",
                    "/api/shapes", "/api/weighted-sum", "/api/weighted-sum/explain", "/api/exercises/" + exercise + "/check",
                    "/api/lab/runs", "/api/lab/runs/" + run + "/predict", "/api/layer", "/api/layer/explain", "/api/decode");
        }
        return routes;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "{\"a\": [1, 2}", 400, "the body is not valid JSON at line 1, column 12 (in \"a\"): "),
                Arguments.of("a list", "[1, 2]", 400, "the body must be a JSON object such as {"),
                Arguments.of("a text", "\"hello\"", 400, "the body must be a JSON object such as {"),
                Arguments.of("empty", " ", 400, "the body is empty: send a JSON object such as {"),
                Arguments.of("a duplicate key", "{\"a\": 1, \"a\": 2}", 400,
                        "the body is not valid JSON at line 1, column 10 (in \"a\"): the field 'a' appears twice"),
                Arguments.of("NaN", "{\"a\": [1, NaN]}", 400,
                        "the body is not valid JSON at line 1, column 11 (in \"a\"): NaN and Infinity are not JSON numbers"),
                Arguments.of("two values", "{} {}", 400, "the body is not valid JSON at line 1, column 4: there is more after the first"),
                Arguments.of("too deep", "{\"a\": " + "[".repeat(40) + "]".repeat(40) + "}", 400,
                        "the body nests lists and objects more than 32 deep"),
                Arguments.of("a long number", "{\"a\": 1" + "0".repeat(1500) + "}", 400, "a number in the body is too long at line 1"),
                Arguments.of("too big", "{\"a\": \"" + "x".repeat(600_000) + "\"}", 413, "the body is 600009 bytes but the API accepts at most "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void everyEndpointRefusesTheSameBodyTheSameWay(String name, String body, int status, String start) {
        Map<String, String> said = new LinkedHashMap<>();
        for (String route : routes()) {
            HttpResponse<String> response = book.post(route, body);
            assertError(response, status, List.of());
            String message = parse(response.body()).get("error").asText();
            assertTrue(message.startsWith(start), route + " said: " + message);
            said.put(route, alike(message));
        }
        List<String> kinds = new ArrayList<>(new java.util.LinkedHashSet<>(said.values()));
        assertEquals(1, kinds.size(), name + ": the endpoints do not say the same thing: " + said);
    }

    /** The message without what may differ by endpoint: its example of a good body, and its size limit. */
    private static String alike(String message) {
        return message.replaceAll("such as \\{.*$", "such as {…}").replaceAll("at most \\d+ bytes \\(\\d+ KiB\\)", "at most N bytes");
    }
}
