package attentionbook.web;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.fieldNames;
import static attentionbook.web.ApiTesting.parse;
import static attentionbook.web.AttentionApiTest.assertMatrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import attentionbook.book.Mappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kv_heads, window and rope over a real port: numpy's golden cases, the head entries' new fields, and refusals. */
class ModernAttentionApiTest {
    private static final List<String> INPUTS = List.of("x", "wq", "wk", "wv", "wo", "heads", "kv_heads", "causal",
            "scale", "window", "rope");
    /** Two tokens of width 4, two heads of d_k = 2. */
    private static final String BASE = "\"x\": [[1, 0, 2, 1], [0, 1, 1, 2]], \"wq\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]], "
            + "\"wk\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]], \"wv\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]], \"heads\": 2";

    private final RunningBook book = ApiTesting.book();

    static Stream<Arguments> goldenCases() {
        try (InputStream in = ModernAttentionApiTest.class.getResourceAsStream("/modern-attention-cases.json")) {
            List<Arguments> cases = new ArrayList<>();
            Mappers.JSON.readTree(in).forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void everyStepOfNumpysCaseComesBackOverHttp(String name, JsonNode reference) {
        ObjectNode body = Mappers.JSON.createObjectNode();
        INPUTS.forEach(field -> body.set(field, reference.get(field)));
        if (reference.get("window").asInt() == 0) {
            body.remove("window");
        }
        JsonNode answer = ok("/api/attention", body.toString());
        JsonNode expected = reference.get("expected");
        for (String key : List.of("q", "k", "v", "concat", "output")) {
            assertMatrix(expected.get(key), answer.get(key), name + " " + key);
        }
        boolean rope = reference.get("rope").asBoolean();
        for (int h = 0; h < reference.get("heads").asInt(); h++) {
            JsonNode head = answer.get("heads").get(h);
            assertEquals(expected.get("kv_group").get(h).asInt(), head.get("kv_group").asInt(), name + " kv_group of head " + h);
            for (String key : List.of("scores", "scaled", "masked", "weights")) {
                assertMatrix(expected.get(key).get(h), head.get(key), name + " head " + h + " " + key);
            }
            assertMatrix(expected.get("heads_out").get(h), head.get("output"), name + " head " + h + " output");
            assertEquals(rope, head.has("q_rotated") && head.has("k_rotated"), name + ": rotated rows only with rope");
            if (rope) {
                assertMatrix(expected.get("q_rotated").get(h), head.get("q_rotated"), name + " head " + h + " q_rotated");
                assertMatrix(expected.get("k_rotated").get(h), head.get("k_rotated"), name + " head " + h + " k_rotated");
            }
        }
    }

    @Test
    void withRopeQAndKStayUnrotatedAndTheFirstRowIsNotTurned() {
        JsonNode answer = ok("/api/attention", "{" + BASE + ", \"rope\": true}");
        JsonNode head = answer.get("heads").get(1);
        assertEquals(List.of("scores", "scaled", "masked", "weights", "output", "kv_group", "q_rotated", "k_rotated"),
                fieldNames(head));
        // q = x·wq: row 2 is [0,1,1,2]·wq = [1, 2, 3, 2]; head 2 takes columns 3–4, [3, 2], position 1 turns it by 1 radian
        assertEquals("[1.0,2.0,3.0,2.0]", answer.get("q").get(1).toString());
        assertEquals(3 * Math.cos(1) - 2 * Math.sin(1), head.get("q_rotated").get(1).get(0).asDouble(), 1e-15);
        assertEquals(answer.get("q").get(0).get(2), head.get("q_rotated").get(0).get(0), "position 0 is not turned");
        assertEquals("2×2", answer.get("shapes").get("q_rotated").asText());
    }

    @Test
    void multiQueryHeadsShareOneKeyAndValueHead() {
        JsonNode answer = ok("/api/attention", "{\"x\": [[1, 0, 2, 1], [0, 1, 1, 2]], \"wq\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]], "
                + "\"wk\": [[1,0],[0,1],[1,1],[0,0]], \"wv\": [[1,0],[0,1],[1,1],[0,0]], \"heads\": 2, \"kv_heads\": 1}");
        assertEquals(0, answer.get("heads").get(0).get("kv_group").asInt());
        assertEquals(0, answer.get("heads").get(1).get("kv_group").asInt());
        assertEquals("2×2", answer.get("shapes").get("k").asText(), "K has g·d_k = 2 columns");
        assertEquals("2×4", answer.get("shapes").get("concat").asText(), "the concat still has h·d_v = 4 columns");
    }

    @Test
    void aWindowHidesTheTokensTooFarBackAndExplainSaysWhy() {
        String body = "{\"x\": [[1], [2], [3]], \"wq\": [[1]], \"wk\": [[1]], \"wv\": [[1]], \"causal\": true, \"window\": 2";
        JsonNode masked = ok("/api/attention", body + "}").get("heads").get(0).get("masked");
        assertTrue(masked.get(2).get(0).isNull(), "row 3 no longer sees token 1: " + masked);
        assertEquals(6.0, masked.get(2).get(1).asDouble(), 0.0, "row 3 sees token 2: 3·2");
        JsonNode explained = ok("/api/attention/explain", body + ", \"step\": \"masked\", \"row\": 2, \"col\": 0}");
        assertTrue(explained.get("value").isNull());
        assertTrue(explained.get("note").asText().contains("outside the window of 2"), explained.toString());
    }

    @Test
    void explainingAGroupedHeadsScoreReadsItsGroupsKeys() {
        JsonNode explained = ok("/api/attention/explain", "{" + BASE.replace("\"wk\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]]",
                "\"wk\": [[1,0],[0,1],[1,1],[0,0]]").replace("\"wv\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]]",
                "\"wv\": [[1,0],[0,1],[1,1],[0,0]]") + ", \"kv_heads\": 1, \"step\": \"scores\", \"head\": 1, \"row\": 0, \"col\": 1}");
        assertEquals("K[2][1]", explained.get("terms").get(0).get("label").asText().split(" × ")[1]);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(BASE + ", \"kv_heads\": 3", List.of("\"kv_heads\" is 3 but must divide \"heads\" = 2")),
                Arguments.of(BASE + ", \"kv_heads\": 0", List.of("\"kv_heads\" must be at least 1, not 0")),
                Arguments.of(BASE + ", \"kv_heads\": 1.5", List.of("\"kv_heads\" must be a whole number")),
                Arguments.of(BASE + ", \"kv_heads\": 16", List.of("\"kv_heads\"", "limit of 8")),
                Arguments.of(BASE + ", \"kv_heads\": 1", List.of("wk is 4×4", "g·d_k = 1·2 = 2 columns")),
                Arguments.of(BASE + ", \"window\": 2", List.of("\"window\" needs \"causal\": true")),
                Arguments.of(BASE + ", \"causal\": true, \"window\": 0", List.of("\"window\" must be at least 1")),
                Arguments.of(BASE + ", \"causal\": true, \"window\": \"two\"", List.of("\"window\" must be a whole number")),
                Arguments.of(BASE + ", \"rope\": \"yes\"", List.of("\"rope\"")),
                Arguments.of(BASE.replace("\"heads\": 2", "\"heads\": 4") + ", \"rope\": true", List.of("\"rope\" needs an even d_k, but d_k = 1")),
                Arguments.of(BASE + ", \"kv_head\": 1", List.of("kv_head", "kv_heads")));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badModernFieldsAnswer400NamingTheField(String body, List<String> words) {
        assertError(book.post("/api/attention", "{" + body + "}"), 400, words);
        assertError(book.post("/api/attention/explain", "{" + body + ", \"step\": \"q\", \"row\": 0, \"col\": 0}"), 400, words);
    }

    private JsonNode ok(String path, String body) {
        HttpResponse<String> response = book.post(path, body);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), response.body());
        return parse(response.body());
    }
}
