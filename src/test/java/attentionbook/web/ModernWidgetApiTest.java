package attentionbook.web;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionLayer;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
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

/**
 * The widget routes that run the decoder or read heads' K and V blocks, with kv_heads, window and rope,
 * over a real port: every number equals what the core's Attention.run computes on the whole sequence.
 */
class ModernWidgetApiTest {
    private final RunningBook book = ApiTesting.book();

    /** Four tokens of width 4; two query heads of d_k = 2 sharing one key/value head (W_K, W_V 4×2). */
    private static final String GROUPED = "\"x\": [[1, 0, 2, 1], [0, 1, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]], "
            + "\"wq\": [[1,0,0,1],[0,1,1,0],[1,1,0,0],[0,0,1,1]], \"wk\": [[1,0],[0,1],[1,1],[0,2]], "
            + "\"wv\": [[1,0],[0,1],[2,1],[0,1]], \"heads\": 2, \"kv_heads\": 1";

    static Stream<Arguments> modernCases() {
        try (InputStream in = ModernWidgetApiTest.class.getResourceAsStream("/modern-attention-cases.json")) {
            List<Arguments> cases = new ArrayList<>();
            Mappers.JSON.readTree(in).forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modernCases")
    void decodeAnswersTheCausalLayersRowsWithTheCacheKeptPerKeyValueHead(String name, JsonNode c) {
        ObjectNode body = Mappers.JSON.createObjectNode();
        for (String field : List.of("x", "wq", "wk", "wv", "wo", "heads", "kv_heads", "scale")) {
            body.set(field, c.get(field));
        }
        body.put("window", c.get("window").asInt());
        body.put("rope", c.get("rope").asBoolean());
        Matrix x = matrix(c.get("x"));
        AttentionSpec spec = new AttentionSpec(matrix(c.get("wq")), matrix(c.get("wk")), matrix(c.get("wv")),
                c.get("wo").isNull() ? null : matrix(c.get("wo")), c.get("heads").asInt(), true, c.get("scale").asBoolean(),
                c.get("kv_heads").asInt(), c.get("window").asInt(), c.get("rope").asBoolean());
        int dk = spec.headWidth();
        AttentionTrace trace = Attention.run(x, spec);
        for (int t = 1; t <= x.rows(); t++) {
            body.put("step", t);
            body.put("cache", t % 2 == 0);
            JsonNode view = ok("/api/decode", body.toString());
            assertRow(trace.output().row(t - 1), view.get("output"), name + " output of step " + t);
            assertRow(trace.output().row(t - 1), view.get("recomputed"), name + " recomputed output of step " + t);
            assertEquals(t, view.get("keys").size());
            for (int r = 0; r < t; r++) {
                assertRow(trace.v().row(r), view.get("values").get(r), name + " cached value " + (r + 1));
                for (int h = 0; h < spec.heads(); h++) {
                    int g = spec.kvGroup(h);       // the cache holds group g's key, rotated by its position with rope
                    double[] key = spec.rope() ? trace.heads().get(h).kRotated().row(r) : trace.k().columns(g * dk, (g + 1) * dk).row(r);
                    double[] cached = new double[dk];
                    for (int c2 = 0; c2 < dk; c2++) {
                        cached[c2] = view.get("keys").get(r).get(g * dk + c2).asDouble();
                    }
                    assertRow(key, Mappers.JSON.valueToTree(cached), name + " cached key " + (r + 1) + " of group " + g);
                }
            }
            for (int h = 0; h < spec.heads(); h++) {
                double[] expected = java.util.Arrays.copyOf(trace.heads().get(h).weights().row(t - 1), t);
                assertRow(expected, view.get("weights").get(h), name + " weights of head " + h + " at step " + t);
                for (int j = 0; j < t; j++) {
                    assertEquals(spec.hidden(t - 1, j), view.get("scores").get(h).get(j).isNull(),
                            name + " score " + j + " of head " + h + " is null exactly when the window hides it");
                }
            }
            JsonNode bytes = view.get("bytes");
            assertEquals(spec.kvHeads(), bytes.get("kv_heads").asInt());
            int kept = spec.window() > 0 ? Math.min(t, spec.window()) : t;
            assertEquals(kept, bytes.get("tokens").asInt(), name + ": a window of w needs only the last w rows");
            attentionbook.attention.KvCacheDecoder decoder = new attentionbook.attention.KvCacheDecoder(spec);
            for (int r = 0; r < t; r++) {
                decoder.append(x.row(r));
            }
            assertEquals(decoder.cacheBytes(2), bytes.get("per_layer").asLong(),
                    name + ": the bytes the decoder's cache holds, g = " + spec.kvHeads() + " key/value heads of d_k + d_v, not h");
            assertEquals((long) kept * spec.kvHeads() * (spec.headWidth() + spec.valueHeadWidth()) * 2, bytes.get("per_layer").asLong());
            assertEquals(decoder.oldestCached(), view.get("cached_from").asInt(), name + ": the oldest row still cached at step " + t);
        }
    }

    @Test
    void theLayerSplitsKAndVByKeyValueGroupAndMasksTheWindow() {
        JsonNode view = ok("/api/layer", "{" + GROUPED + ", \"window\": 2, \"causal\": true}");
        Matrix x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
        AttentionSpec spec = grouped(2);
        AttentionTrace trace = Attention.run(x, spec);
        for (JsonNode step : view.get("steps")) {
            for (JsonNode m : step.get("matrices")) {
                Matrix expected = switch (m.get("key").asText()) {
                    case "k-h1", "k-h2" -> trace.k();
                    case "v-h1", "v-h2" -> trace.v();
                    case "weights-h1" -> trace.heads().get(0).weights();
                    case "weights-h2" -> trace.heads().get(1).weights();
                    case "head-output-h2" -> trace.heads().get(1).output();
                    case "residual" -> AttentionLayer.run(x, spec, false).residual();
                    default -> null;
                };
                if (expected != null) {
                    for (int r = 0; r < expected.rows(); r++) {
                        assertRow(expected.row(r), m.get("values").get(r), m.get("key").asText() + " row " + r);
                    }
                }
            }
        }
        assertEquals("Q 4×4, K 4×2, V 4×2", view.get("steps").get(1).get("shape").asText(), "the projections' own widths");
        assertEquals("+ M: −∞ where j > i or j ≤ i − 2", view.get("steps").get(5).get("formula").asText());
        assertEquals(2, view.get("explain_body").get("window").asInt());
        assertEquals(1, view.get("explain_body").get("kv_heads").asInt());
    }

    @Test
    void theWeightedSumReadsTheValuesOfTheHeadsKeyValueGroup() {
        JsonNode sum = ok("/api/weighted-sum", "{" + GROUPED + ", \"row\": 1, \"head\": 1, \"weights\": [1, 1, 0, 0]}");
        Matrix v = Attention.run(Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}}), grouped(0)).v();
        assertRow(new double[]{(v.get(0, 0) + v.get(1, 0)) / 2, (v.get(0, 1) + v.get(1, 1)) / 2}, sum.get("output"),
                "head 2 reads key/value head 1's values");
        JsonNode explained = ok("/api/weighted-sum/explain", "{" + GROUPED + ", \"row\": 1, \"head\": 1, "
                + "\"explain\": {\"matrix\": \"v\", \"row\": 2, \"col\": 1}}");
        assertEquals(v.get(2, 1), explained.get("value").asDouble(), 1e-12);
    }

    @Test
    void theDecodeWidgetRefusesACausalSwitchItWouldHaveToIgnore() {
        assertError(book.post("/api/decode", "{" + GROUPED + ", \"causal\": false}"), 400, List.of("\"causal\"", "causal by nature"));
    }

    @Test
    void theLayerWithRopeShowsAndExplainsTheCoresRotatedRows() {
        JsonNode view = ok("/api/layer", "{" + GROUPED + ", \"rope\": true, \"causal\": true, \"norm\": true}");
        Matrix x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
        Matrix wq = Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}});
        AttentionSpec spec = new AttentionSpec(wq, Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}}),
                Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}}), null, 2, true, true, 1, 0, true);
        AttentionLayer.Trace trace = AttentionLayer.run(x, spec, true);
        JsonNode rope = null;
        for (JsonNode step : view.get("steps")) {
            if (step.get("key").asText().equals("rope")) {
                rope = step;
            }
        }
        assertTrue(rope != null, "a step for the rotation");
        assertEquals(List.of("q-rotated-h1", "k-rotated-h1", "q-rotated-h2", "k-rotated-h2"),
                rope.get("matrices").findValuesAsText("key"));
        for (int h = 0; h < 2; h++) {
            JsonNode q = rope.get("matrices").get(2 * h).get("values");
            JsonNode k = rope.get("matrices").get(2 * h + 1).get("values");
            for (int r = 0; r < 4; r++) {
                assertRow(trace.attention().heads().get(h).qRotated().row(r), q.get(r), "q̃ of head " + h + " row " + r);
                assertRow(trace.attention().heads().get(h).kRotated().row(r), k.get(r), "k̃ of head " + h + " row " + r);
            }
        }
        String state = "{" + GROUPED + ", \"rope\": true, \"causal\": true, \"norm\": true, \"token\": 3, ";
        assertExplains(trace.attention().heads().get(1).qRotated().get(3, 1), state + "\"explain\": {\"matrix\": \"q_rotated\", \"head\": 1, \"row\": 3, \"col\": 1}}");
        assertExplains(trace.attention().heads().get(1).kRotated().get(2, 0), state + "\"explain\": {\"matrix\": \"k_rotated\", \"head\": 1, \"row\": 2, \"col\": 0}}");
        assertExplains(trace.normed().get(2, 0), state + "\"explain\": {\"matrix\": \"norm\", \"row\": 2, \"col\": 0}}");
        assertExplains(trace.residual().get(1, 3), state + "\"explain\": {\"matrix\": \"residual\", \"row\": 1, \"col\": 3}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modernCases")
    void everyRotatedCellTheAttentionApiAnswersIsExplainedWithItsValue(String name, JsonNode c) {
        ObjectNode body = Mappers.JSON.createObjectNode();
        for (String field : List.of("x", "wq", "wk", "wv", "wo", "heads", "kv_heads", "causal", "scale", "rope")) {
            body.set(field, c.get(field));
        }
        if (c.get("window").asInt() > 0) {
            body.set("window", c.get("window"));
        }
        if (!c.get("rope").asBoolean()) {
            body.put("step", "q_rotated").put("row", 0).put("col", 0);
            assertError(book.post("/api/attention/explain", body.toString()), 400, List.of("\"q_rotated\"", "\"rope\" is off"));
            return;
        }
        JsonNode answer = ok("/api/attention", body.toString());
        for (int h = 0; h < c.get("heads").asInt(); h++) {
            for (String step : List.of("q_rotated", "k_rotated")) {
                JsonNode m = answer.get("heads").get(h).get(step);
                for (int r = 0; r < m.size(); r++) {
                    for (int col = 0; col < m.get(r).size(); col++) {
                        body.put("step", step).put("head", h).put("row", r).put("col", col);
                        JsonNode e = ok("/api/attention/explain", body.toString());
                        assertEquals(m.get(r).get(col).asDouble(), e.get("value").asDouble(), 0.0,
                                name + " " + step + " of head " + h + " [" + r + "][" + col + "]");
                    }
                }
            }
        }
    }

    @Test
    void theLayersExplainRefusesCellsTheLayerDoesNotHave() {
        assertError(book.post("/api/layer/explain", "{" + GROUPED + ", \"explain\": {\"matrix\": \"norm\", \"row\": 0, \"col\": 0}}"),
                400, List.of("\"norm\" is off"));
        assertError(book.post("/api/layer/explain", "{" + GROUPED + ", \"explain\": {\"matrix\": \"q_rotated\", \"row\": 0, \"col\": 0}}"),
                400, List.of("\"rope\" is off"));
        assertError(book.post("/api/layer/explain", "{" + GROUPED + ", \"explain\": {\"matrix\": \"residual\", \"row\": 4, \"col\": 0}}"),
                400, List.of("[4, 0]", "outside X"));
        assertError(book.post("/api/layer/explain", "{" + GROUPED + ", \"explain\": {\"matrix\": \"scores\"}}"),
                400, List.of("norm, residual, q_rotated, k_rotated", "/api/attention/explain"));
    }

    private void assertExplains(double expected, String body) {
        JsonNode explanation = ok("/api/layer/explain", body);
        assertEquals(expected, explanation.get("value").asDouble(), 0.0, body);
        double sum = 0.0;
        if (!explanation.get("step").asText().equals("norm")) {
            for (JsonNode term : explanation.get("terms")) {
                sum += term.get("value").asDouble();
            }
            assertEquals(expected, sum, 1e-15, "the terms add up to the cell: " + body);
        }
    }

    private static AttentionSpec grouped(int window) {
        Matrix wq = Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}});
        Matrix wk = Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}});
        Matrix wv = Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}});
        return new AttentionSpec(wq, wk, wv, null, 2, window > 0, true, 1, window, false);
    }

    private JsonNode ok(String path, String body) {
        HttpResponse<String> response = book.post(path, body);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), response.body());
        return parse(response.body());
    }

    private static void assertRow(double[] expected, JsonNode actual, String what) {
        assertEquals(expected.length, actual.size(), what + ": length");
        for (int c = 0; c < expected.length; c++) {
            assertTrue(Math.abs(expected[c] - actual.get(c).asDouble()) <= 1e-12,
                    what + " [" + c + "]: expected " + expected[c] + " but was " + actual.get(c));
        }
    }

    private static Matrix matrix(JsonNode rows) {
        double[][] cells = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            cells[r] = new double[rows.get(r).size()];
            for (int c = 0; c < cells[r].length; c++) {
                cells[r][c] = rows.get(r).get(c).asDouble();
            }
        }
        return Matrix.of(cells);
    }
}
