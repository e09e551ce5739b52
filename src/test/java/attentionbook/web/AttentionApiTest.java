package attentionbook.web;

import attentionbook.book.Mappers;
import static attentionbook.web.ApiTesting.fieldNames;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/attention over a real port: the 14 reference cases, every key, and batches. */
class AttentionApiTest {
    private static final double ABSOLUTE = 1e-12;
    private static final double RELATIVE = 1e-9;
    private static final List<String> INPUTS = List.of("x", "wq", "wk", "wv", "wo", "heads", "causal", "scale");

    private final RunningBook book = ApiTesting.book();

    /** Each reference case of src/test/resources/attention-cases.json: inputs, expected steps and its name. */
    static List<JsonNode> referenceCases() {
        try (InputStream in = AttentionApiTest.class.getResourceAsStream("/attention-cases.json")) {
            List<JsonNode> cases = new ArrayList<>();
            Mappers.JSON.readTree(in).forEach(cases::add);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void allFourteenReferenceCasesAreThere() {
        assertEquals(14, referenceCases().size());
    }

    static Stream<Arguments> namedReferenceCases() {
        return referenceCases().stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedReferenceCases")
    void everyStepOfEveryReferenceCaseComesBackOverHttp(String name, JsonNode reference) {
        JsonNode answer = ok(requestOf(reference));
        JsonNode expected = reference.get("expected");
        int heads = reference.get("heads").asInt();

        for (String key : List.of("q", "k", "v", "concat", "output")) {
            assertMatrix(expected.get(key), answer.get(key), name + " " + key);
        }
        assertEquals(heads, answer.get("heads").size(), name + ": one entry per head");
        for (int h = 0; h < heads; h++) {
            JsonNode head = answer.get("heads").get(h);
            assertEquals(List.of("scores", "scaled", "masked", "weights", "output", "kv_group"), fieldNames(head), name);
            assertEquals(h, head.get("kv_group").asInt(), name + ": without kv_heads every head is its own group");
            for (String key : List.of("scores", "scaled", "masked", "weights")) {
                assertMatrix(expected.get(key).get(h), head.get(key), name + " head " + h + " " + key);
            }
            assertMatrix(expected.get("heads_out").get(h), head.get("output"), name + " head " + h + " output");
        }
        int dk = reference.get("wq").get(0).size() / heads;
        assertEquals(dk, answer.get("dk").asInt(), name + " dk");
        assertEquals(reference.get("x").size() + "×" + reference.get("x").get(0).size(), answer.get("shapes").get("x").asText());
    }

    @Test
    void theAnswerHasTheContractsFieldsAndJsonHeaders() {
        HttpResponse<String> response = book.post("/api/attention",
                "{\"x\": [[1, 0], [0, 1], [1, 1]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]], \"causal\": true}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonNode answer = parse(response.body());
        assertTrue(fieldNames(answer).containsAll(List.of("q", "k", "v", "heads", "concat", "output")), response.body());
        JsonNode masked = answer.get("heads").get(0).get("masked");
        assertTrue(masked.get(0).get(1).isNull() && masked.get(0).get(2).isNull() && masked.get(1).get(2).isNull(),
                "the hidden cells j > i are null: " + masked);
        assertEquals(1 / Math.sqrt(2), masked.get(0).get(0).asDouble(), 0.0, "scaled by 1/√d_k with d_k = 2");
        assertEquals("3×3", answer.get("shapes").get("masked").asText());
    }

    @Test
    void theApiLivesUnderTheBasePathBehindAProxy() {
        try (RunningBook prefixed = RunningBook.start("--base-path", "/attention", "--rate-limit", "0")) {
            HttpResponse<String> response = prefixed.post("/attention/api/attention",
                    "{\"x\": [[1, 2]], \"wq\": [[1], [1]], \"wk\": [[1], [1]], \"wv\": [[2], [0]]}");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(2.0, parse(response.body()).get("output").get(0).get(0).asDouble(), 0.0, "one token: output = x·Wv");
            HttpResponse<String> get = prefixed.get("/attention/api/attention/explain");
            assertEquals(405, get.statusCode(), get.body());
        }
    }

    /** A batch answers, at index b of every matrix, exactly what sequence b answers alone. */
    @Test
    void aBatchEqualsItsSequencesSentOneByOne() {
        for (int seed = 0; seed < 12; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int batch = random.nextInt(1, 5);
            int tokens = random.nextInt(1, AttentionLimits.MAX_TOKENS / batch + 1);
            int dModel = random.nextInt(1, 6);
            int heads = random.nextInt(1, 4);
            ObjectNode layer = Mappers.JSON.createObjectNode();
            layer.set("wq", matrix(random, dModel, heads * 2));
            layer.set("wk", matrix(random, dModel, heads * 2));
            layer.set("wv", matrix(random, dModel, heads * 3));
            if (random.nextBoolean()) {
                layer.set("wo", matrix(random, heads * 3, 2));
            }
            layer.put("heads", heads);
            layer.put("causal", random.nextBoolean());
            List<JsonNode> xs = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                xs.add(matrix(random, tokens, dModel));
            }
            ObjectNode batched = layer.deepCopy();
            batched.putArray("x").addAll(xs);
            JsonNode all = ok(batched.toString());
            String what = "seed " + seed + " (B=" + batch + ", T=" + tokens + ", h=" + heads + ")";
            assertEquals(batch + "×" + tokens + "×" + dModel, all.get("shapes").get("x").asText(), what);
            assertEquals(batch + "×" + tokens + "×" + tokens, all.get("shapes").get("scores").asText(), what);
            for (int b = 0; b < batch; b++) {
                ObjectNode single = layer.deepCopy();
                single.set("x", xs.get(b));
                JsonNode one = ok(single.toString());
                for (String key : List.of("q", "k", "v", "concat", "output")) {
                    assertEquals(one.get(key), all.get(key).get(b), what + " sequence " + b + " " + key);
                }
                for (int h = 0; h < heads; h++) {
                    for (String key : List.of("scores", "scaled", "masked", "weights", "output")) {
                        assertEquals(one.get("heads").get(h).get(key), all.get("heads").get(h).get(key).get(b),
                                what + " sequence " + b + " head " + h + " " + key);
                    }
                }
            }
        }
    }

    /** The request body for a reference case: its inputs without name, note and expected. */
    static String requestOf(JsonNode reference) {
        ObjectNode body = Mappers.JSON.createObjectNode();
        for (String field : INPUTS) {
            if (reference.has(field)) {
                body.set(field, reference.get(field));
            }
        }
        return body.toString();
    }

    private JsonNode ok(String body) {
        HttpResponse<String> response = book.post("/api/attention", body);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), response.body());
        return parse(response.body());
    }

    private static ArrayNode matrix(SplittableRandom random, int rows, int cols) {
        ArrayNode matrix = Mappers.JSON.createArrayNode();
        for (int r = 0; r < rows; r++) {
            ArrayNode row = matrix.addArray();
            for (int c = 0; c < cols; c++) {
                row.add(random.nextDouble(-2, 2));
            }
        }
        return matrix;
    }

    /** Cell by cell within |a − e| ≤ 1e-12 + 1e-9·|e|; the reference's "-inf" must come back as null. */
    static void assertMatrix(JsonNode expected, JsonNode actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": rows");
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), actual.get(r).size(), what + ": columns of row " + r);
            for (int c = 0; c < expected.get(r).size(); c++) {
                JsonNode e = expected.get(r).get(c);
                JsonNode a = actual.get(r).get(c);
                String cell = what + "[" + r + "][" + c + "]: expected " + e + " but was " + a;
                if (e.isTextual()) {
                    assertEquals("-inf", e.asText(), cell);
                    assertTrue(a.isNull(), cell);
                } else {
                    assertTrue(a.isNumber(), cell);
                    assertTrue(Math.abs(a.doubleValue() - e.doubleValue()) <= ABSOLUTE + RELATIVE * Math.abs(e.doubleValue()), cell);
                }
            }
        }
    }
}
