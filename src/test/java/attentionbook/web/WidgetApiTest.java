package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.BookServerExtension;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;
import attentionbook.attention.DotProductStats;
import attentionbook.attention.ScalingExperiment;
import attentionbook.attention.Softmax;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widgets' own endpoints over a real port: numbers from the core, mistakes named, never NaN or Infinity. */
class WidgetApiTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    private static JsonNode ok(String path, String body) throws IOException {
        HttpResponse<String> response = book.post(path, body);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(java.util.regex.Pattern.compile("[:\\[,]\\s*-?(NaN|Infinity)").matcher(response.body()).find(),
                "a bare NaN or Infinity: " + response.body());
        return Mappers.JSON.readTree(response.body());
    }

    @Test
    void otherMethodsAnswer405NamingPost() {
        for (String path : List.of("/api/softmax", "/api/softmax/explain", "/api/scaling", "/api/shapes", "/api/weighted-sum", "/api/weighted-sum/explain")) {
            HttpResponse<String> get = book.get(path);
            ApiTesting.assertError(get, 405, List.of("GET is not allowed on " + path, "POST a JSON body"));
            assertEquals("POST", get.headers().firstValue("Allow").orElse(""), path);
            HttpResponse<String> put = book.send(HttpRequest.newBuilder(URI.create(book.url(path)))
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
            ApiTesting.assertError(put, 405, List.of("PUT is not allowed on " + path));
        }
    }

    @Test
    void softmaxGivesTheCoresStableWeightsWithTheTemperature() throws IOException {
        JsonNode answer = ok("/api/softmax", "{\"scores\": [2, 1, 0.1], \"temperature\": 2}");
        double[] expected = Softmax.stable(new double[]{2, 1, 0.1}, 2);
        for (int j = 0; j < 3; j++) {
            assertEquals(expected[j], answer.get("weights").get(j).asDouble(), 0.0, "weight " + j);
            assertEquals(Softmax.naive(new double[]{1, 0.5, 0.05})[j], answer.get("naive").get("weights").get(j).get("value").asDouble(), 1e-15);
        }
        assertEquals(0.5, answer.get("divided").get(1).asDouble());
        assertFalse(answer.get("naive").get("overflow").asBoolean());
        assertTrue(answer.get("naive").get("text").isNull());
    }

    @Test
    void aNaiveOverflowIsNullWithTheWordNotInfinity() throws IOException {
        JsonNode answer = ok("/api/softmax", "{\"scores\": [1000, 999, 1]}");
        JsonNode naive = answer.get("naive");
        assertTrue(naive.get("overflow").asBoolean());
        assertTrue(naive.get("terms").get(0).get("value").isNull());
        assertEquals("overflow", naive.get("terms").get(0).get("text").asText());
        assertEquals(Math.exp(1), naive.get("terms").get(2).get("value").asDouble());
        assertEquals("NaN", naive.get("weights").get(0).get("text").asText());
        assertEquals(0.0, naive.get("weights").get(2).get("value").asDouble(), "a finite term over an infinite sum");
        assertTrue(naive.get("text").asText().startsWith("exp overflows for entries 1 and 2"), naive.get("text").asText());
        double[] stable = Softmax.stable(new double[]{1000, 999, 1});
        assertEquals(stable[0], answer.get("weights").get(0).asDouble(), 0.0);
        assertEquals(1000, answer.get("max").asDouble());
    }

    @Test
    void aScoreOfMinusInfinityGetsAWeightOfExactlyZero() throws IOException {
        JsonNode answer = ok("/api/softmax", "{\"scores\": [2, \"-inf\", 1, \"−∞\"], \"temperature\": 0.5}");
        double[] expected = Softmax.stable(new double[]{2, Double.NEGATIVE_INFINITY, 1, Double.NEGATIVE_INFINITY}, 0.5);
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], answer.get("weights").get(j).asDouble(), 0.0, "weight " + j);
        }
        assertEquals(0.0, answer.get("weights").get(1).asDouble(), 0.0);
        assertTrue(answer.get("divided").get(1).isNull(), "JSON has no −∞: " + answer.get("divided"));
        assertTrue(answer.get("scores").get(3).isNull());
        assertEquals(4.0, answer.get("divided").get(0).asDouble());
        assertEquals(0.0, answer.get("naive").get("weights").get(1).get("value").asDouble());
        ApiTesting.assertError(book.post("/api/softmax", "{\"scores\": [\"-inf\", \"-inf\"]}"), 400,
                List.of("every score is −∞", "0/0"));
        ApiTesting.assertError(book.post("/api/softmax", "{\"scores\": [1, \"inf\"]}"), 400,
                List.of("\"scores\" entry 2 is \"inf\": a score is a number, or \"-inf\""));
    }

    @Test
    void aSoftmaxEntryExplainsItsDivisionAndItsWeight() throws IOException {
        String row = "\"scores\": [2, \"-inf\", 1], \"temperature\": 0.5";
        JsonNode divided = ok("/api/softmax/explain", "{" + row + ", \"explain\": {\"matrix\": \"divided\", \"col\": 2}}");
        assertEquals(2.0, divided.get("value").asDouble());
        assertEquals("1 / 0.5 = 2", divided.get("arithmetic").asText());
        JsonNode weight = ok("/api/softmax/explain", "{" + row + ", \"explain\": {\"matrix\": \"weights\", \"col\": 0}}");
        assertEquals(Softmax.stable(new double[]{2, Double.NEGATIVE_INFINITY, 1}, 0.5)[0], weight.get("value").asDouble());
        assertEquals(2, weight.get("terms").size(), "the hidden entry adds no exp term");
        JsonNode hidden = ok("/api/softmax/explain", "{" + row + ", \"explain\": {\"matrix\": \"weights\", \"col\": 1}}");
        assertEquals(0.0, hidden.get("value").asDouble());
        assertTrue(hidden.get("divided") == null && ok("/api/softmax/explain", "{" + row
                + ", \"explain\": {\"matrix\": \"divided\", \"col\": 1}}").get("value").isNull(), "−∞ is null in JSON");
        ApiTesting.assertError(book.post("/api/softmax/explain", "{" + row + ", \"explain\": {\"matrix\": \"weights\", \"col\": 3}}"),
                400, List.of("\"col\" is 3 but there are 3 scores"));
    }

    @Test
    void scalingRepeatsTheCoresSeededExperiment() throws IOException {
        JsonNode answer = ok("/api/scaling", "{\"dk\": 256, \"samples\": 500, \"seed\": 7}");
        DotProductStats stats = ScalingExperiment.sample(256, 500, 7);
        assertEquals(stats.raw().standardDeviation(), answer.get("raw").get("standardDeviation").asDouble(), 1e-12);
        assertEquals(stats.scaled().variance(), answer.get("scaled").get("variance").asDouble(), 1e-12);
        assertEquals(16.0, answer.get("sqrt_dk").asDouble());
        double[] draws = ScalingExperiment.dotProducts(256, 500, 7);
        double[] row = Arrays.copyOf(draws, 6);
        assertEquals(row[3], answer.get("row").get("raw").get(3).asDouble());
        assertEquals(Softmax.stable(row)[3], answer.get("row").get("weights_raw").get(3).asDouble());
        assertEquals(row[3] * Attention.scaleFactor(256), answer.get("row").get("scaled").get(3).asDouble());
        int counted = answer.get("histogram").get("raw_outside").asInt();
        for (JsonNode bin : answer.get("histogram").get("raw")) {
            counted += bin.asInt();
        }
        assertEquals(500, counted, "every draw is counted once");
    }

    @Test
    void shapesFollowTheProductRule() throws IOException {
        JsonNode answer = ok("/api/shapes", "{\"batch\": 4, \"ctx\": 16, \"d_model\": 512, \"heads\": 8}");
        assertTrue(answer.get("possible").asBoolean());
        assertEquals(64, answer.get("d_k").asInt());
        JsonNode scores = find(answer, "scores");
        assertEquals("[4, 8, 16, 16]", scores.get("shape").toString().replace(",", ", "));
        assertEquals("[4, 8, 16, 64]·[4, 8, 64, 16] = [4, 8, 16, 16]", scores.get("product").get("rule").asText());
        assertEquals(4L * 8 * 16 * 16, scores.get("count").asLong());
    }

    @Test
    void headsThatDoNotDivideAreExplainedNotRefused() throws IOException {
        JsonNode answer = ok("/api/shapes", "{\"batch\": 1, \"ctx\": 6, \"d_model\": 12, \"heads\": 5}");
        assertFalse(answer.get("possible").asBoolean());
        assertTrue(answer.get("d_k").isNull());
        assertTrue(answer.get("problem").asText().startsWith("5 heads cannot split d_model = 12 into equal blocks: 12 / 5 = 2.4"),
                answer.get("problem").asText());
        assertEquals("q", answer.get("stages").get(answer.get("stages").size() - 1).get("key").asText(), "the chain stops at Q");
    }

    @Test
    void aWeightedSumIsTheCoresProductsAndTheirSum() throws IOException {
        double[][] x = {{1, 2, 0, 1}, {0, 1, 1, 0}, {2, 0, 1, 1}};
        double[][] w = {{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}};
        JsonNode answer = ok("/api/weighted-sum", "{\"x\": " + Mappers.JSON.writeValueAsString(x) + ", \"wq\": " + Mappers.JSON.writeValueAsString(w)
                + ", \"wk\": " + Mappers.JSON.writeValueAsString(w) + ", \"wv\": " + Mappers.JSON.writeValueAsString(w)
                + ", \"heads\": 2, \"causal\": true, \"row\": 1, \"head\": 1}");
        var trace = Attention.run(Matrix.of(x), new AttentionSpec(Matrix.of(w), Matrix.of(w), Matrix.of(w), null, 2, true, true));
        Matrix weights = trace.heads().get(1).weights();
        Matrix v1 = trace.v().columns(2, 4);
        for (int j = 0; j < 3; j++) {
            assertEquals(weights.get(1, j), answer.get("weights").get(j).asDouble());
            for (int c = 0; c < 2; c++) {
                assertEquals(v1.get(j, c), answer.get("values").get(j).get(c).asDouble());
                assertEquals(weights.get(1, j) * v1.get(j, c), answer.get("weighted").get(j).get(c).asDouble());
            }
        }
        assertEquals(0.0, answer.get("weights").get(2).asDouble(), "token 3 is hidden from row 2");
        assertEquals(trace.heads().get(1).output().get(1, 1), answer.get("output").get(1).asDouble());
    }

    @Test
    void givenWeightsAreDividedByTheirSum() throws IOException {
        JsonNode answer = ok("/api/weighted-sum", "{\"x\": [[1, 2], [3, 4], [5, 6]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]],"
                + " \"wv\": [[1, 0], [0, 1]], \"row\": 0, \"weights\": [1, 0, 3]}");
        assertEquals(0.25, answer.get("weights").get(0).asDouble());
        assertEquals(0.75, answer.get("weights").get(2).asDouble());
        assertEquals(3.0, answer.get("given").get(2).asDouble());
        assertEquals(0.25 * 2 + 0.0 * 4 + 0.75 * 6, answer.get("output").get(1).asDouble());
        assertEquals(0.75 * 5, answer.get("weighted").get(2).get(0).asDouble());
        HttpResponse<String> negative = book.post("/api/weighted-sum", "{\"x\": [[1, 2], [3, 4]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]],"
                + " \"wv\": [[1, 0], [0, 1]], \"row\": 0, \"weights\": [1, -0.5]}");
        assertEquals(400, negative.statusCode());
        assertTrue(negative.body().contains("\\\"weights\\\" entry 2 is -0.5: a weight cannot be negative"), negative.body());
    }

    private static JsonNode find(JsonNode answer, String key) {
        for (JsonNode stage : answer.get("stages")) {
            if (stage.get("key").asText().equals(key)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + key);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/softmax | {"scores": []}                    | "scores" must hold from 1 to 12 numbers, not 0
            /api/softmax | {"scores": [1, 2e7]}              | "scores" entry 2 is 20000000: scores must lie from −1000000 to 1000000
            /api/softmax | {"scores": [1], "temperature": -1} | "temperature" must be from 0.01 to 100, not -1
            /api/softmax | {"score": [1]}                    | unknown field "score" (did you mean "scores"?); known fields: scores, temperature
            /api/softmax | [1, 2]                            | the body must be a JSON object such as {"scores": [2, 1, 0.1], "temperature": 1}
            /api/softmax | {"scores": [NaN]}                 | the body is not valid JSON at line 1, column 13 (in "scores"): NaN and Infinity are not JSON numbers
            /api/scaling | {"dk": 0}                         | "dk" must be from 1 to 1024, not 0
            /api/scaling | {"dk": 8, "samples": 2}           | "samples" must be from 6 to 10000, not 2
            /api/scaling | {"dk": 8.5}                       | "dk" must be a whole number, not 8.5
            /api/shapes  | {"heads": 0}                      | "heads" must be from 1 to 1024, not 0
            /api/shapes  | {"d_model": "512"}                | "d_model" must be a whole number, not the text "512"
            /api/shapes  |                                   | the body is empty: send a JSON object such as {"batch": 4, "ctx": 16, "d_model": 512, "heads": 8}
            /api/weighted-sum | {"x": [[1, 0], [0, 1]], "wq": [[1, 0], [0, 1]], "wk": [[1, 0], [0, 1]], "wv": [[1, 0], [0, 1]]} | "row" is missing: the token whose output to build (0-based, as in the JSON arrays)
            /api/weighted-sum | {"x": [[1, 0], [0, 1]], "wq": [[1, 0], [0, 1]], "wk": [[1, 0], [0, 1]], "wv": [[1, 0], [0, 1]], "row": 2} | "row" is 2 but x has 2 rows: row must be 0–1 (0-based, as in the JSON arrays)
            /api/weighted-sum | {"x": [[1, 0], [0, 1]], "wq": [[1, 0], [0, 1]], "wk": [[1, 0], [0, 1]], "wv": [[1, 0], [0, 1]], "row": 0, "head": 1} | "head" is 1 but there is 1 head: head must be 0 (0-based, as in the JSON arrays)
            /api/weighted-sum | {"x": [[[1, 0]], [[0, 1]]], "wq": [[1, 0], [0, 1]], "wk": [[1, 0], [0, 1]], "wv": [[1, 0], [0, 1]], "row": 0} | "x" must be one sequence (a T×d_model matrix)
            /api/weighted-sum | {"x": [[1, 0], [0, 1]], "wq": [[1, 0], [0, 1]], "wk": [[1, 0], [0, 1]], "wv": [[1, 0], [0, 1]], "row": 0, "rows": 1} | unknown field "rows" (did you mean "row"?)
            """)
    void mistakesAnswer400NamingTheField(String path, String body, String expected) throws IOException {
        HttpResponse<String> response = book.post(path, body == null ? "" : body);
        assertEquals(400, response.statusCode(), response.body());
        String error = Mappers.JSON.readTree(response.body()).get("error").asText();
        assertTrue(error.startsWith(expected), error);
    }
}
