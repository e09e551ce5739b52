package attentionbook.web;

import attentionbook.BookServerExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs as wide as the lab trains them (d_model 32, the default of copy, reverse, sort and induction, and 64,
 * the lab's maximum) open in the book's widgets: each widget state the lab hands out is accepted by the API
 * the widget calls, and the attention weights it computes are the model's own on the probe, to 1e-12.
 */
class LabWideRunsApiTest {
    /** A few steps of copy: the point is the weights' shapes, not their accuracy. */
    private static final String RUN = "{\"task\": \"copy\", \"layers\": 2, \"heads\": %d, \"d_model\": %d, \"mlp\": true,"
            + " \"steps\": 20, \"batch\": 8, \"lr\": 0.01, \"snapshot_every\": 10, \"seed\": 14}";
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    private static String train(int heads, int dModel) {
        HttpResponse<String> started = book.post("/api/lab/runs", String.format(RUN, heads, dModel));
        assertEquals(200, started.statusCode(), started.body());
        String id = parse(started.body()).get("id").asText();
        HttpResponse<String> events = book.send(HttpRequest.newBuilder(URI.create(book.url("/api/lab/runs/" + id + "/events")))
                .header("Accept", "text/event-stream").GET().build());
        assertTrue(events.body().contains("event: end"), events.body());
        return id;
    }

    /** The body the widgets' attention.js sends for a state (attentionBody): its matrices and switches. */
    private static String attentionBody(JsonNode state, int heads) {
        ObjectNode body = ApiTesting.parse("{}").deepCopy();
        for (String field : new String[]{"x", "wq", "wk", "wv", "wo"}) {
            body.set(field, state.get(field));
        }
        body.put("heads", heads);
        body.put("causal", true);
        body.put("scale", true);
        return body.toString();
    }

    private static void assertSameWeights(JsonNode model, JsonNode widget, int rows, String what) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                assertEquals(model.get(i).get(j).asDouble(), widget.get(i).get(j).asDouble(), 1e-12, what + " A[" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest(name = "d_model {1}, {0} heads")
    @CsvSource({"2, 32", "4, 64"})
    void everyLayerOfAWideRunOpensInThePipelineMultiHeadAndDecodeWidgets(int heads, int dModel) {
        String id = train(heads, dModel);
        JsonNode widgets = parse(book.get("/api/lab/runs/" + id + "/widgets").body());
        assertEquals(2, widgets.get("layers").size(), "every layer is offered");
        int tokens = widgets.get("tokens").asInt();
        assertEquals(12, tokens, "the probe's first 12 tokens");
        JsonNode status = parse(book.get("/api/lab/runs/" + id).body());
        JsonNode snapshots = status.get("snapshots");
        JsonNode last = snapshots.get(snapshots.size() - 1);
        assertEquals(20, last.get("step").asInt(), "the last snapshot is the finished model");
        JsonNode modelLayers = last.get("probe").get("layers");
        assertEquals(2, widgets.get("layers").size());
        for (int l = 0; l < 2; l++) {
            JsonNode layer = widgets.get("layers").get(l);
            JsonNode multiHead = layer.get("multi_head");
            assertEquals(dModel, multiHead.get("wq").size(), "W_Q is d_model × d_model, not cut");
            assertEquals(dModel, multiHead.get("wo").get(0).size());
            assertEquals(dModel, multiHead.get("x").get(0).size());

            HttpResponse<String> whole = book.post("/api/attention", attentionBody(multiHead, heads));
            assertEquals(200, whole.statusCode(), whole.body());
            for (int h = 0; h < heads; h++) {
                assertSameWeights(modelLayers.get(l).get(h), parse(whole.body()).get("heads").get(h).get("weights"), tokens,
                        "layer " + (l + 1) + " in the multi-head widget, head " + (h + 1));

                JsonNode head = layer.get("pipeline").get(h);
                assertEquals(dModel / heads, head.get("wq").get(0).size(), "the head's own d_k columns of W_Q");
                HttpResponse<String> one = book.post("/api/attention", attentionBody(head, 1));
                assertEquals(200, one.statusCode(), one.body());
                assertSameWeights(modelLayers.get(l).get(h), parse(one.body()).get("heads").get(0).get("weights"), tokens,
                        "layer " + (l + 1) + " head " + (h + 1) + " in the pipeline widget");
            }

            HttpResponse<String> decoded = book.post("/api/decode", layer.get("decode").toString());
            assertEquals(200, decoded.statusCode(), decoded.body());
            JsonNode step = parse(decoded.body());
            for (int h = 0; h < heads; h++) {
                JsonNode row = modelLayers.get(l).get(h).get(tokens - 1);
                for (int j = 0; j < tokens; j++) {
                    assertEquals(row.get(j).asDouble(), step.get("weights").get(h).get(j).asDouble(), 1e-12,
                            "layer " + (l + 1) + " decoded with the cache, head " + (h + 1) + "'s weight on token " + (j + 1));
                }
            }
            assertEquals(0.0, step.get("largest_difference").asDouble(), 1e-12);
        }
    }
}
