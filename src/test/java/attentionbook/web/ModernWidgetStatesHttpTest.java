package attentionbook.web;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multi-head, kv-heads and pipeline widgets take the modern fields they can draw (kv_heads, window, rope) and
 * refuse the one they cannot with the reason, over a real port: every number the widget's layer answers is what the
 * core's Attention.run computes, to 1e-12.
 */
class ModernWidgetStatesHttpTest {
    private final RunningBook book = ApiTesting.book();

    private static final String X = "\"x\": [[1, 0, 2, 1], [0, 1, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]]";
    private static final String WQ = "\"wq\": [[1, 0, 0, 1], [0, 1, 1, 0], [1, 1, 0, 0], [0, 0, 1, 1]]";
    private static final Matrix XM = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
    private static final Matrix WQM = Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}});
    private static final Matrix WK_GROUP = Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}});
    private static final Matrix WV_GROUP = Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}});

    @Test
    void theMultiHeadWidgetRunsGroupedWindowedRotatedHeadsThroughTheCore() {
        JsonNode answer = ok("/api/multi-head", "{" + X + ", " + WQ + ", \"wk\": [[1, 0], [0, 1], [1, 1], [0, 2]], "
                + "\"wv\": [[1, 0], [0, 1], [2, 1], [0, 1]], \"wo\": \"identity\", \"heads\": 2, \"kv_heads\": 1, \"causal\": true, "
                + "\"window\": 2, \"rope\": true}");
        AttentionSpec spec = new AttentionSpec(WQM, WK_GROUP, WV_GROUP, Matrix.identity(4), 2, true, true, 1, 2, true);
        assertSameAsCore(Attention.run(XM, spec), spec, answer.get("attention"));
        JsonNode state = answer.get("state");
        assertEquals(1, state.get("kv_heads").asInt());
        assertEquals(2, state.get("window").asInt());
        assertTrue(state.get("rope").asBoolean());
    }

    @Test
    void theKvHeadsWidgetKeepsItsGroupsAndAddsTheWindowAndRope() {
        // a multi-head layer of two heads, W_K and W_V one block a head; with kv_heads 1 the layer keeps the first block
        String wk = "\"wk\": [[1, 0, 5, 5], [0, 1, 5, 5], [1, 1, 5, 5], [0, 2, 5, 5]]";
        String wv = "\"wv\": [[1, 0, 7, 7], [0, 1, 7, 7], [2, 1, 7, 7], [0, 1, 7, 7]]";
        JsonNode answer = ok("/api/kv-heads", "{" + X + ", " + WQ + ", " + wk + ", " + wv + ", \"heads\": 2, \"kv_heads\": 1, "
                + "\"window\": 2, \"rope\": true}");
        AttentionSpec spec = new AttentionSpec(WQM, WK_GROUP, WV_GROUP, null, 2, true, true, 1, 2, true);
        assertSameAsCore(Attention.run(XM, spec), spec, answer.get("attention"));
        assertEquals(2, answer.get("state").get("window").asInt());
    }

    @Test
    void thePipelineWidgetShowsItsOneHeadWithAWindowAndRotaryPositions() {
        JsonNode answer = ok("/api/pipeline", "{" + X + ", " + WQ + ", \"wk\": \"identity\", \"wv\": \"identity\", "
                + "\"causal\": true, \"window\": 3, \"rope\": true, \"step\": 5}");
        AttentionSpec spec = new AttentionSpec(WQM, Matrix.identity(4), Matrix.identity(4), null, 1, true, true, 1, 3, true);
        assertSameAsCore(Attention.run(XM, spec), spec, answer.get("attention"));
        assertEquals(5, answer.get("state").get("step").asInt());
    }

    @Test
    void thePipelineRefusesKvHeadsSayingWhyAndWhereToGo() {
        assertError(book.post("/api/pipeline", "{\"preset\": \"journey\", \"kv_heads\": 1}"), 400,
                List.of("\"kv_heads\" is not taken by the pipeline widget", "shows one head", "use the kv-heads", "layer widget"));
    }

    @Test
    void aWindowWithoutTheCausalMaskIsRefusedByName() {
        assertError(book.post("/api/multi-head", "{\"preset\": \"journey\", \"heads\": 1, \"window\": 2}"), 400, List.of("window", "causal"));
    }

    /** Every head's masked scores (null where hidden), weights, rotated rows and kv_group, and the output, as the core has them. */
    private static void assertSameAsCore(AttentionTrace trace, AttentionSpec spec, JsonNode answer) {
        assertMatrix(trace.output(), answer.get("output"), "output");
        assertEquals(spec.heads(), answer.get("heads").size());
        for (int h = 0; h < spec.heads(); h++) {
            HeadTrace head = trace.heads().get(h);
            JsonNode got = answer.get("heads").get(h);
            assertEquals(head.kvGroup(), got.get("kv_group").asInt(), "kv_group of head " + (h + 1));
            assertMatrix(head.weights(), got.get("weights"), "weights of head " + (h + 1));
            assertMatrix(head.output(), got.get("output"), "output of head " + (h + 1));
            assertMatrix(head.qRotated(), got.get("q_rotated"), "q_rotated of head " + (h + 1));
            assertMatrix(head.kRotated(), got.get("k_rotated"), "k_rotated of head " + (h + 1));
            for (int i = 0; i < head.masked().rows(); i++) {
                for (int j = 0; j < head.masked().cols(); j++) {
                    double m = head.masked().get(i, j);
                    JsonNode cell = got.get("masked").get(i).get(j);
                    if (m == Double.NEGATIVE_INFINITY) {
                        assertTrue(cell.isNull(), "head " + (h + 1) + " masked [" + i + "][" + j + "] is hidden by the window");
                    } else {
                        assertTrue(Math.abs(m - cell.asDouble()) <= 1e-12, "head " + (h + 1) + " masked [" + i + "][" + j + "]");
                    }
                }
            }
        }
        if (spec.window() > 0) {
            assertTrue(answer.get("heads").get(0).get("masked").get(spec.window()).get(0).isNull(), "row w sees not token 1: the window");
        }
    }

    private static void assertMatrix(Matrix expected, JsonNode actual, String what) {
        assertEquals(expected.rows(), actual.size(), what + ": rows");
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                double e = expected.get(r, c);
                assertTrue(Math.abs(e - actual.get(r).get(c).asDouble()) <= 1e-12,
                        what + " [" + r + "][" + c + "]: expected " + e + " but was " + actual.get(r).get(c));
            }
        }
    }

    private JsonNode ok(String path, String body) {
        HttpResponse<String> response = book.post(path, body);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), response.body());
        return parse(response.body());
    }
}
