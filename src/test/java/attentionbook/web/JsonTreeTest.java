package attentionbook.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.book.Mappers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body parser builds the tree Jackson's readTree builds (node types included), and refuses what it refuses. */
class JsonTreeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"x\": [[1, 0.5], [-3, 2e-3]], \"heads\": 2, \"causal\": true, \"scale\": false, \"wo\": null}",
            "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"neg\": -9223372036854775809}",
            "{\"huge\": 1e999, \"tiny\": 1e-400, \"minus zero\": -0.0, \"text\": \"a \\\"quoted\\\" \\u00d7 b\"}",
            "{\"empty\": {}, \"list\": [], \"nested\": {\"a\": [{\"b\": [1]}]}}",
            "[1, \"two\", null]", "\"just text\"", "42", "  {\"spaced\" :\n [ 1 ,2 ] }  "})
    void buildsTheTreeReadTreeBuilds(String body) throws IOException {
        JsonNode expected = Mappers.JSON.readTree(body);
        JsonNode parsed = JsonTree.parse(body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(expected, parsed);
        assertEquals(expected.toString(), parsed.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"a\": 1}", "{\"a\": NaN}", "{\"a\": [-Infinity]}", "{} []", "{\"a\": [1, }",
            "{\"a\": 1", "nul"})
    void refusesWhatReadTreeRefuses(String body) {
        assertThrows(IOException.class, () -> Mappers.JSON.readTree(body));
        RejectedRequest refused = assertThrows(RejectedRequest.class,
                () -> JsonTree.parse(body.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("the body is not valid JSON at line 1, column "), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {Mappers.MAX_NESTING + 1, 100})
    void nestingDeeperThanTheLimitIsNamedAsSuch(int depth) {
        String body = "[".repeat(depth) + "]".repeat(depth);
        RejectedRequest refused = assertThrows(RejectedRequest.class,
                () -> JsonTree.parse(body.getBytes(StandardCharsets.UTF_8), null));
        assertTrue(refused.getMessage().startsWith("the body nests lists and objects more than " + Mappers.MAX_NESTING + " deep"),
                refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {Mappers.MAX_NESTING})
    void nestingAtTheLimitIsRead(int depth) {
        String body = "[".repeat(depth) + "]".repeat(depth);
        assertEquals(depth, depthOf(JsonTree.parse(body.getBytes(StandardCharsets.UTF_8), null)));
    }

    private static int depthOf(JsonNode node) {
        return node.isArray() ? 1 + (node.isEmpty() ? 0 : depthOf(node.get(0))) : 0;
    }
}
