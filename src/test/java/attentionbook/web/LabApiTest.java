package attentionbook.web;

import attentionbook.BookServerExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's runs over real HTTP: start, reuse, status, events, weights, predictions, and every refusal. */
class LabApiTest {
    /** A run that trains in well under a second: previous-token on 6 digits, one layer, one head, d_model 8. */
    static final String TINY = "{\"task\": \"previous-token\", \"length\": 6, \"layers\": 1, \"heads\": 1, \"d_model\": 8,"
            + " \"mlp\": false, \"steps\": 40, \"batch\": 8, \"lr\": 0.01, \"snapshot_every\": 10, \"seed\": %d}";
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    private static String startRun(long seed) {
        HttpResponse<String> started = book.post("/api/lab/runs", String.format(TINY, seed));
        assertEquals(200, started.statusCode(), started.body());
        return parse(started.body()).get("id").asText();
    }

    /** Reads the whole event stream of a run: it ends when the run does. */
    private static String events(String id) {
        HttpResponse<String> stream = book.send(HttpRequest.newBuilder(URI.create(book.url("/api/lab/runs/" + id + "/events")))
                .header("Accept", "text/event-stream").GET().build());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), stream.headers() + "\n" + stream.body());
        return stream.body();
    }

    @Test
    void theSameConfigIsOneRunWhoseEventsEndWithIt() {
        String id = startRun(1);
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertEquals(id, startRun(1), "the same config is the same run");
        assertNotEquals(id, startRun(2), "another seed is another run");

        String stream = events(id);
        assertTrue(stream.contains("event: snapshot"), stream);
        assertTrue(stream.trim().lines().anyMatch(line -> line.equals("event: end")), stream);

        JsonNode status = parse(book.get("/api/lab/runs/" + id).body());
        assertEquals("done", status.get("status").asText());
        assertEquals(40, status.get("step").asInt());
        List<JsonNode> snapshots = new java.util.ArrayList<>();
        status.get("snapshots").forEach(snapshots::add);
        assertEquals(List.of(10, 20, 30, 40), snapshots.stream().map(s -> s.get("step").asInt()).toList());
        JsonNode curve = snapshots.get(3).get("curve");
        assertEquals(1, curve.size(), "the loss every 10 steps: one point a snapshot here");
        assertEquals(40, curve.get(0).get("step").asInt());
        assertEquals(snapshots.get(3).get("loss").asDouble(), curve.get(0).get("loss").asDouble(), 1e-12);
        assertEquals(8, status.get("config").get("d_model").asInt());
        JsonNode probe = status.get("snapshots").get(3).get("probe");
        JsonNode head = probe.get("layers").get(0).get(0);
        assertEquals(6, head.size(), "the probe's 6 tokens");
        for (int i = 0; i < head.size(); i++) {
            double sum = 0;
            for (int j = 0; j < head.size(); j++) {
                double w = head.get(i).get(j).asDouble();
                if (j > i) {
                    assertEquals(0.0, w, "causal: token " + (i + 1) + " cannot see token " + (j + 1));
                }
                sum += w;
            }
            assertEquals(1.0, sum, 1e-12);
        }
        JsonNode since = parse(book.get("/api/lab/runs/" + id + "?since=20").body()).get("snapshots");
        assertEquals(List.of(30, 40), List.of(since.get(0).get("step").asInt(), since.get(1).get("step").asInt()));
        assertEquals(2, since.size());
    }

    @Test
    void weightsAreNamedAndShapedLikeAStateDict() {
        String id = startRun(3);
        events(id);
        JsonNode parameters = parse(book.get("/api/lab/runs/" + id + "/weights").body()).get("parameters");
        List<String> names = parameters.findValues("name").stream().map(JsonNode::asText).toList();
        assertEquals(List.of("tok_emb", "pos_emb", "layers.0.norm1.weight", "layers.0.attn.wq", "layers.0.attn.wk",
                "layers.0.attn.wv", "layers.0.attn.wo", "norm_f.weight", "unembed"), names);
        JsonNode wq = parameters.get(3);
        assertEquals("[8,8]", wq.get("shape").toString());
        assertEquals(8, wq.get("values").size());
        assertEquals(8, wq.get("values").get(0).size());
        JsonNode tokEmb = parameters.get(0);
        assertEquals("[10,8]", tokEmb.get("shape").toString(), "10 digits, d_model 8");
    }

    @Test
    void theCoresAttentionOnTheProbeIsTheModelsOwn() {
        String id = startRun(4);
        events(id);
        JsonNode status = parse(book.get("/api/lab/runs/" + id).body());
        JsonNode probe = status.get("snapshots").get(3).get("probe");
        StringBuilder text = new StringBuilder();
        probe.get("tokens").forEach(t -> text.append(t.asText()));
        HttpResponse<String> answer = book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": \"" + text + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode prediction = parse(answer.body());
        assertEquals(probe.get("predictions"), prediction.get("predictions"));
        JsonNode model = probe.get("layers").get(0).get(0);
        JsonNode core = prediction.get("layers").get(0).get("heads").get(0).get("weights");
        for (int i = 0; i < model.size(); i++) {
            for (int j = 0; j < model.size(); j++) {
                assertEquals(model.get(i).get(j).asDouble(), core.get(i).get(j).asDouble(), 1e-12, "A[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void badConfigsAnswer400NamingTheFieldAndTheLimit() {
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"d_model\": 100}"), 400, List.of("d_model", "8 to 64", "100"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"heads\": 3}"), 400, List.of("heads", "divide"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"steps\": 20001}"), 400, List.of("steps", "20000"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"batch\": 65}"), 400, List.of("batch", "64"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"layers\": 3}"), 400, List.of("layers", "1 to 2"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"lr\": \"fast\"}"), 400, List.of("lr", "number"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"mlp\": 1}"), 400, List.of("mlp", "true or false"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"reverse\", \"seed\": 1.5}"), 400, List.of("seed", "whole number"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"translate\"}"), 400, List.of("translate", "copy, reverse, sort"));
        assertError(book.post("/api/lab/runs", "{\"steps\": 10}"), 400, List.of("task", "missing"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"copy\", \"epochs\": 3}"), 400, List.of("epochs", "task, seed"));
        assertError(book.post("/api/lab/runs", "[1]"), 400, List.of("JSON object"));
        assertError(book.post("/api/lab/runs", ""), 400, List.of("empty"));
        assertError(book.post("/api/lab/runs", "{\"task\": \"copy\", \"seed\": 1" + " ".repeat(5000) + "}"), 413, List.of("4096 bytes"));
    }

    @Test
    void unknownRunsAnswer404AndBadSequences400() {
        assertError(book.get("/api/lab/runs/" + "0".repeat(64)), 404, List.of("no lab run", "POST /api/lab/runs"));
        assertError(book.get("/api/lab/runs/nope"), 404, List.of("64 hexadecimal digits"));
        assertError(book.get("/api/lab/runs/" + "0".repeat(64) + "/events"), 406, List.of("Accept: text/event-stream"));
        assertError(book.get("/api/lab/runs/" + "0".repeat(64) + "/weights"), 404, List.of("no lab run"));
        String id = startRun(6);
        events(id);
        assertError(book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": \"12a4\"}"), 400,
                List.of("token 3", "\"a\"", "0 1 2 3 4 5 6 7 8 9"));
        assertError(book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": \"1234567\"}"), 400, List.of("1 to 6 tokens", "7"));
        assertError(book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": \"\"}"), 400, List.of("1 to 6 tokens"));
        assertError(book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": [1, 2]}"), 400, List.of("tokens", "one string"));
        assertError(book.get("/api/lab/runs/" + id + "?since=x"), 400, List.of("since", "whole number"));
    }

    /** Each head's pipeline-widget state, sent to the attention API as the widget sends it, gives the lab's weights. */
    @Test
    void eachHeadsWidgetStateGivesTheLabsWeightsThroughTheAttentionApi() {
        String config = String.format(TINY, 5).replace("\"heads\": 1", "\"heads\": 2");
        String id = parse(book.post("/api/lab/runs", config).body()).get("id").asText();
        events(id);
        JsonNode widgets = parse(book.get("/api/lab/runs/" + id + "/widgets").body());
        assertEquals(1, widgets.get("layers").size(), "the run's one layer");
        assertEquals("/chapters/why-attention", widgets.get("pipelinePage").asText());
        assertTrue(book.get(widgets.get("pipelinePage").asText()).body().contains("data-widget=\"pipeline\""),
                "the page the links open holds the pipeline widget");
        assertTrue(book.get(widgets.get("multiHeadPage").asText()).body().contains("data-widget=\"multi-head\""),
                "the page the links open holds the multi-head widget");
        JsonNode heads = widgets.get("layers").get(0).get("pipeline");
        assertEquals(2, heads.size());
        StringBuilder text = new StringBuilder();
        heads.get(0).get("tokens").forEach(t -> text.append(t.asText()));
        assertEquals(6, text.length(), "the whole probe: 6 tokens fit");
        JsonNode predicted = parse(book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": \"" + text + "\"}").body());
        for (int h = 0; h < 2; h++) {
            JsonNode state = heads.get(h);
            assertEquals(4, state.get("wq").get(0).size(), "head " + h + ": d_k = 8 / 2 columns");
            assertEquals(4, state.get("wo").size(), "head " + h + ": its 4 rows of W_O");
            String body = "{\"x\": " + state.get("x") + ", \"wq\": " + state.get("wq") + ", \"wk\": " + state.get("wk")
                    + ", \"wv\": " + state.get("wv") + ", \"wo\": " + state.get("wo") + ", \"heads\": 1, \"causal\": true, \"scale\": true}";
            HttpResponse<String> answer = book.post("/api/attention", body);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode widget = parse(answer.body()).get("heads").get(0).get("weights");
            JsonNode lab = predicted.get("layers").get(0).get("heads").get(h).get("weights");
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    assertEquals(lab.get(i).get(j).asDouble(), widget.get(i).get(j).asDouble(), 1e-12, "head " + h + " A[" + i + "][" + j + "]");
                }
            }
        }
        JsonNode layer = widgets.get("layers").get(0).get("multi_head");
        assertEquals("/chapters/multi-head-attention", widgets.get("multiHeadPage").asText());
        assertEquals(2, layer.get("heads").asInt(), "the multi-head state is the whole layer, with the run's heads");
        assertEquals(8, layer.get("wq").get(0).size(), "all of W_Q's columns");
        String whole = "{\"x\": " + layer.get("x") + ", \"wq\": " + layer.get("wq") + ", \"wk\": " + layer.get("wk")
                + ", \"wv\": " + layer.get("wv") + ", \"wo\": " + layer.get("wo") + ", \"heads\": 2, \"causal\": true, \"scale\": true}";
        HttpResponse<String> layerAnswer = book.post("/api/attention", whole);
        assertEquals(200, layerAnswer.statusCode(), layerAnswer.body());
        for (int h = 0; h < 2; h++) {
            JsonNode widget = parse(layerAnswer.body()).get("heads").get(h).get("weights");
            JsonNode lab = predicted.get("layers").get(0).get("heads").get(h).get("weights");
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    assertEquals(lab.get(i).get(j).asDouble(), widget.get(i).get(j).asDouble(), 1e-12,
                            "the layer's head " + h + " A[" + i + "][" + j + "]");
                }
            }
        }
        // The same layer decoded token by token with its KV cache: the last step's weights are the lab's last rows.
        JsonNode decodeState = widgets.get("layers").get(0).get("decode");
        assertEquals("/chapters/kv-cache", widgets.get("decodePage").asText());
        assertTrue(book.get(widgets.get("decodePage").asText()).body().contains("data-widget=\"decode\""),
                "the page the decode link opens holds the decode widget");
        assertEquals(6, decodeState.get("step").asInt(), "decoding stops at the probe's last token");
        HttpResponse<String> decoded = book.post("/api/decode", decodeState.toString());
        assertEquals(200, decoded.statusCode(), decoded.body());
        JsonNode step = parse(decoded.body());
        for (int h = 0; h < 2; h++) {
            JsonNode lab = predicted.get("layers").get(0).get("heads").get(h).get("weights").get(5);
            for (int j = 0; j < 6; j++) {
                assertEquals(lab.get(j).asDouble(), step.get("weights").get(h).get(j).asDouble(), 1e-12,
                        "decoded with the cache, head " + h + "'s weight of token 6 on token " + (j + 1));
            }
        }
        assertEquals(0.0, step.get("largest_difference").asDouble(), 1e-12, "the cached and the recomputed outputs agree");

        String sixteen = String.format(TINY, 5).replace("\"d_model\": 8", "\"d_model\": 16");
        String sixteenId = parse(book.post("/api/lab/runs", sixteen).body()).get("id").asText();
        events(sixteenId);
        JsonNode opened = parse(book.get("/api/lab/runs/" + sixteenId + "/widgets").body());
        assertEquals(1, opened.get("layers").size(), "d_model 16, the previous-token task's default, opens");
        JsonNode wideLayer = opened.get("layers").get(0).get("multi_head");
        assertEquals(16, wideLayer.get("wq").size());
        assertEquals(16, wideLayer.get("wq").get(0).size());
        String wideBody = "{\"x\": " + wideLayer.get("x") + ", \"wq\": " + wideLayer.get("wq") + ", \"wk\": " + wideLayer.get("wk")
                + ", \"wv\": " + wideLayer.get("wv") + ", \"wo\": " + wideLayer.get("wo") + ", \"heads\": 1, \"causal\": true, \"scale\": true}";
        HttpResponse<String> wideAnswer = book.post("/api/attention", wideBody);
        assertEquals(200, wideAnswer.statusCode(), wideAnswer.body());
        StringBuilder probeText = new StringBuilder();
        wideLayer.get("tokens").forEach(t -> probeText.append(t.asText()));
        JsonNode widePredicted = parse(book.post("/api/lab/runs/" + sixteenId + "/predict", "{\"tokens\": \"" + probeText + "\"}").body());
        JsonNode wideLab = widePredicted.get("layers").get(0).get("heads").get(0).get("weights");
        JsonNode wideWidget = parse(wideAnswer.body()).get("heads").get(0).get("weights");
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(wideLab.get(i).get(j).asDouble(), wideWidget.get(i).get(j).asDouble(), 1e-12, "16 wide: A[" + i + "][" + j + "]");
            }
        }
        // wider runs, up to the lab's d_model 64: LabWideRunsApiTest
    }

    @Test
    void aRunStillTrainingHasNoWeightsYet() {
        HttpResponse<String> started = book.post("/api/lab/runs", "{\"task\": \"induction\", \"steps\": 20000, \"seed\": 77}");
        String id = parse(started.body()).get("id").asText();
        assertError(book.get("/api/lab/runs/" + id + "/weights"), 409, List.of("once it is done"));
        assertError(book.post("/api/lab/runs/" + id + "/predict", "{\"tokens\": \"abcabc\"}"), 409, List.of("once it is done"));
    }
}
