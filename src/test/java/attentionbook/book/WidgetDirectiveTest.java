package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Widget blocks: each widget's state is checked at start-up, completed, and its first numbers rendered. */
class WidgetDirectiveTest {
    @TempDir
    Path dir;

    /** A chapter holding one block, loaded the way the book loads; its one line of prose puts the fence on line 5. */
    private Book load(String fence, String body) throws IOException {
        Files.writeString(dir.resolve("01-w.md"), "---\ntitle: W\nsummary: S.\n---\n```" + fence + "\n" + body + "\n```\n");
        return new BookLoader(new MarkdownRenderer(Map.of("widget", new WidgetDirective())))
                .load(List.of(new BookLoader.Folder(dir, "book")));
    }

    private String error(String fence, String body) {
        ContentError e = assertThrows(ContentError.class, () -> load(fence, body));
        return e.getMessage();
    }

    private static JsonNode state(String html) throws IOException {
        Matcher m = Pattern.compile("data-state=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), html);
        String json = m.group(1).replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return Mappers.JSON.readTree(json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown name       | widget qvk          | {}                                                    | book/01-w.md:5: ```widget: unknown widget "qvk"; the widgets are shapes, qkv, scores, scaling, masking, softmax, weighted-sum, multi-head, pipeline
            typo in a field    | widget masking      | {"preset": "journey",\\n "casual": true}                | book/01-w.md:7: ```widget: the masking widget's state: unknown field "casual" (did you mean "causal"?); known fields: causal, preset, scale, tokens, wk, wq, wv, x
            bad preset         | widget qkv          | {"preset": "jorney"}                                  | book/01-w.md:6: ```widget: the qkv widget's state: unknown preset "jorney" (known: hand4, journey)
            ragged x           | widget scores       | {"x": [[1, 2],\\n [3]],\\n "wq": "identity", "wk": "identity", "wv": "identity"} | book/01-w.md:6: ```widget: the scores widget's state: "x" is ragged: row 2 has 1 number but row 1 has 2 numbers
            shapes that clash  | widget pipeline     | {"preset": "journey",\\n\\n "wq": [[1, 0], [0, 1]]}      | book/01-w.md:8: ```widget: the pipeline widget's state: wk is 3×3 but wq is 2×2: wq, wk and wv must have the same number of rows (d_model)
            heads not dividing | widget multi-head   | {"preset": "journey",\\n "heads": 2}                    | book/01-w.md:7: ```widget: the multi-head widget's state: heads = 2 does not divide the width of wq (3): wq is 3×3
            query out of range | widget weighted-sum | {"preset": "hand4", "query": 3}                        | book/01-w.md:6: ```widget: the weighted-sum widget's state: "query" must be from 1 to 2, not 3
            selected off grid  | widget scores       | {"preset": "hand4",\\n "selected": [1, 5]}              | book/01-w.md:7: ```widget: the scores widget's state: "selected" is [1, 5], outside the 2×2 grid: rows count from 1 to 2 and columns from 1 to 2
            shared with wk     | widget qkv          | {"shared": true, "wk": "identity"}                    | book/01-w.md:6: ```widget: the qkv widget's state: "wk" cannot be given when "shared" is true: one matrix, wq, serves as Wq, Wk and Wv
            too many tokens    | widget masking      | {"x": [[1],[1],[1],[1],[1],[1],[1],[1],[1],[1],[1],[1],[1]], "wq": "identity", "wk": "identity", "wv": "identity"} | book/01-w.md:6: ```widget: the masking widget's state: "x" has 13 rows: a widget shows at most 12 tokens
            overflow           | widget qkv          | {"x": [[1e200]], "wq": [[1e200]], "wk": [[1]], "wv": [[1]]} | book/01-w.md:6: ```widget: the qkv widget's state: the queries overflow: Q[1][1] = x₁·(column 1 of Wq) is too large for a double (inputs too large)
            own weights zero   | widget weighted-sum | {"preset": "hand4",\\n "weights": [0, 0]}              | book/01-w.md:7: ```widget: the weighted-sum widget's state: "weights" are all 0: give at least one token some weight
            own weights count  | widget weighted-sum | {"preset": "hand4", "weights": [1, 2, 3]}              | book/01-w.md:6: ```widget: the weighted-sum widget's state: "weights" holds 3 numbers but there are 2 tokens: give one weight a token
            temperature        | widget softmax      | {"scores": [1, 2],\\n "temperature": 0}                 | book/01-w.md:7: ```widget: the softmax widget's state: "temperature" must be from 0.01 to 100, not 0
            score not a number | widget softmax      | {"scores": [1, "two"]}                                | book/01-w.md:6: ```widget: the softmax widget's state: "scores" entry 2 is "two": a score is a number, or "-inf" (−∞) to hide it
            every score −∞     | widget softmax      | {"scores": ["-inf", "−∞"]}                            | book/01-w.md:6: ```widget: the softmax widget's state: every score is −∞: each exp(−∞) is 0, so softmax would be 0/0
            d_k too large      | widget scaling      | {"dk": 2048}                                          | book/01-w.md:6: ```widget: the scaling widget's state: "dk" must be from 1 to 1024, not 2048
            seed negative      | widget scaling      | {"seed": -1}                                          | book/01-w.md:6: ```widget: the scaling widget's state: "seed" must be a whole number from 0 to 281474976710656, not -1
            ctx zero           | widget shapes       | {"batch": 2,\\n "ctx": 0}                               | book/01-w.md:7: ```widget: the shapes widget's state: "ctx" must be from 1 to 65536, not 0
            not JSON           | widget shapes       | {"batch": 2,\\n "ctx" 3}                                | book/01-w.md:7: ```widget: not valid JSON: Unexpected character ('3' (code 51)): was expecting a colon to separate field name and value
            a token named wk   | widget pipeline     | {"tokens": ["a", "wk"],\\n "x": [[1, 0], [0, 1]],\\n "wk": "identity", "wv": "identity",\\n "wq": [[1, 0, 0]]} | book/01-w.md:8: ```widget: the pipeline widget's state: wk is 2×2 but wq is 1×3
            not an object      | widget shapes       | [1, 2]                                                | book/01-w.md:6: ```widget: a widget's state must be a JSON object such as {"preset": "journey"}
            pipeline kv_heads  | widget pipeline     | {"preset": "journey",\\n "kv_heads": 1}                 | book/01-w.md:7: ```widget: the pipeline widget's state: "kv_heads" is not taken by the pipeline widget: it shows one head, and kv_heads groups several query heads on shared keys and values: use the kv-heads, multi-head or layer widget
            scores window      | widget scores       | {"preset": "journey",\\n\\n "window": 2}                  | book/01-w.md:8: ```widget: the scores widget's state: "window" is not taken by the scores widget: it shows plain attention, and a sliding window hides keys too far back: use the pipeline, multi-head, kv-heads, layer or decode widget
            qkv rope           | widget qkv          | {"preset": "journey",\\n "rope": true}                  | book/01-w.md:7: ```widget: the qkv widget's state: "rope" is not taken by the qkv widget: it shows plain attention, and rope rotates the q and k rows of each head by position: use the pipeline, multi-head, kv-heads, layer or decode widget
            kv_heads sans heads | widget multi-head  | {"preset": "journey",\\n "kv_heads": 1}                 | book/01-w.md:7: ```widget: the multi-head widget's state: "kv_heads" needs "heads": say how many query heads share the 1 key/value heads
            """)
    void aWrongStateStopsStartUpNamingFileAndLine(String what, String fence, String body, String expected) {
        String message = error(fence, body.replace("\\n", "\n"));
        assertTrue(message.startsWith(expected), what + ": " + message);
    }

    @Test
    void aPresetIsResolvedIntoMatricesSoTheScriptNeedsNothingElse() throws IOException {
        String html = load("widget qkv", "{\"preset\": \"hand4\"}").chapters().get(0).html();
        JsonNode state = state(html);
        Presets.Preset hand4 = Presets.get("hand4");
        assertEquals("hand4", state.get("preset").asText());
        assertEquals(List.of("x₁", "x₂"), List.of(state.get("tokens").get(0).asText(), state.get("tokens").get(1).asText()));
        assertEquals(hand4.x()[1][2], state.get("x").get(1).get(2).asDouble());
        assertEquals(hand4.wk()[3][1], state.get("wk").get(3).get(1).asDouble());
        assertFalse(state.get("shared").asBoolean());
        assertTrue(html.contains("data-options=\""), "the presets travel with the qkv widget");
    }

    @Test
    void anEmptyStateGetsEachWidgetsDefaults() throws IOException {
        assertEquals("{\"batch\":4,\"ctx\":16,\"d_model\":512,\"heads\":8}", state(load("widget shapes", "").chapters().get(0).html()).toString());
        assertEquals("{\"scores\":[2.0,1.0,0.1],\"temperature\":1.0}", state(load("widget softmax", "{}").chapters().get(0).html()).toString());
        assertEquals("{\"dk\":64,\"samples\":1000,\"seed\":1}", state(load("widget scaling", "{}").chapters().get(0).html()).toString());
        JsonNode masking = state(load("widget masking", "{}").chapters().get(0).html());
        assertEquals("journey", masking.get("preset").asText());
        assertTrue(masking.get("causal").asBoolean(), "the masking widget starts with the mask on");
        JsonNode multi = state(load("widget multi-head", "{\"x\": [[1, 2, 3, 4]], \"wq\": \"identity\", \"wk\": \"identity\", \"wv\": \"identity\"}").chapters().get(0).html());
        assertEquals(2, multi.get("heads").asInt(), "the smallest head count above 1 that divides d_model = 4");
        assertEquals(1.0, multi.get("wo").get(3).get(3).asDouble(), "W_O defaults to the identity");
        assertTrue(multi.get("preset").isNull());
    }

    @Test
    void aSoftmaxScoreMayBeMinusInfinityAndStartsWithWeightZero() throws IOException {
        String html = load("widget softmax", "{\"scores\": [1, \"-inf\", \"−∞\", 2]}").chapters().get(0).html();
        assertEquals("{\"scores\":[1.0,\"-inf\",\"-inf\",2.0],\"temperature\":1.0}", state(html).toString());
        assertTrue(html.contains("<td class=\"masked\" data-row=\"0\" data-col=\"1\">"), "s/τ of −∞ is shown masked: " + html);
        assertTrue(html.contains("<td class=\"heat-w-0\" data-row=\"0\" data-col=\"2\">0.000</td>"), "its weight is 0: " + html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            multi-head | "heads": 2, "kv_heads": 1, "wk": [[1, 0], [0, 1], [1, 1], [0, 2]], "wv": [[1, 0], [0, 1], [2, 1], [0, 1]] | q-rotated-h2 | weights-h2 | 1
            kv-heads   | "heads": 2, "kv_heads": 1, "wk": [[1, 0, 5, 5], [0, 1, 5, 5], [1, 1, 5, 5], [0, 2, 5, 5]], "wv": [[1, 0, 7, 7], [0, 1, 7, 7], [2, 1, 7, 7], [0, 1, 7, 7]] | k-rotated-g1 | weights-h2 | 1
            pipeline   | "wk": [[1, 0, 1, 0], [0, 1, 1, 0], [1, 1, 0, 0], [0, 2, 0, 1]], "wv": "identity" | q-rotated | weights | 0
            """)
    void aWidgetThatCanDrawTheModernOptionsTakesThemFromTheCore(String widget, String fields, String rotated, String weights, int head)
            throws IOException {
        String body = "{\"x\": [[1, 0, 2, 1], [0, 1, 1, 2], [2, 1, 0, 1], [1, 2, 1, 0]], "
                + "\"wq\": [[1, 0, 0, 1], [0, 1, 1, 0], [1, 1, 0, 0], [0, 0, 1, 1]], " + fields + ", \"causal\": true, \"window\": 2, \"rope\": true}";
        String html = load("widget " + widget, body).chapters().get(0).html();
        JsonNode state = state(html);
        assertEquals(2, state.get("window").asInt(), widget + " keeps the window");
        assertTrue(state.get("rope").asBoolean(), widget + " keeps rope");
        assertTrue(html.contains("data-matrix=\"" + rotated + "\""), widget + " draws the rotated rows " + rotated);
        // the layer the widget shows, run by the core: the window hides token 1 from token 3 (row 3, column 1 weighs 0)
        JsonNode layer = WidgetLayers.of(widget, Mappers.JSON.readTree(body)).attention();
        var trace = Attention.run(AttentionInputs.from(layer).x(), AttentionInputs.from(layer).spec());
        assertEquals(0.0, trace.heads().get(head).weights().get(2, 0));
        String cell = "data-row=\"2\" data-col=\"1\">" + MatrixTable.number(trace.heads().get(head).weights().get(2, 1), 2) + "</td>";
        int table = html.indexOf("data-matrix=\"" + weights + "\"");
        assertTrue(table > 0 && html.indexOf(cell, table) > 0, widget + ": weights row 3, column 2 of " + weights + " is the core's: " + cell);
    }

    @Test
    void theInitialNumbersAreOnThePageAsTheBooksTables() throws IOException {
        String html = load("widget masking", "{\"preset\": \"journey\"}").chapters().get(0).html();
        Presets.Preset journey = Presets.get("journey");
        Matrix x = Matrix.of(journey.x());
        var trace = Attention.run(x, new AttentionSpec(Matrix.of(journey.wq()), Matrix.of(journey.wk()), Matrix.of(journey.wv()), null, 1, true, true));
        assertTrue(html.contains("data-matrix=\"weights\""), html);
        String expectedCell = "data-row=\"2\" data-col=\"1\">" + MatrixTable.number(trace.heads().get(0).weights().get(2, 1), 2) + "</td>";
        assertTrue(html.contains(expectedCell), "weights row 3, column 2 on the page: " + expectedCell);
        assertTrue(html.contains("<td class=\"masked\" data-row=\"0\" data-col=\"1\">"), "above the diagonal is masked");
    }

    @Test
    void theStartingTablesShareOneScaleForOneKindOfQuantity() throws IOException {
        String html = load("widget qkv", "{\"tokens\": [\"a\"], \"x\": [[1, -7]], \"wq\": [[1], [2]], \"wk\": [[-1], [0.5]],"
                + " \"wv\": [[1], [1]]}").chapters().get(0).html();
        // X, Wq, Wk, Wv: one scale of ±7, so −1 in Wk is as pale as −1 would be in X; and every legend says ±7.00
        assertTrue(html.contains("<td class=\"heat-s-m1\" data-row=\"0\" data-col=\"0\">−1.00</td>"), html);
        assertEquals(4, html.split("<span class=\"legend-low\">−7.00</span>", -1).length - 1, "four input legends of ±7: " + html);
        // Q = [−13], K = [−4.5], V = [−6]: one scale of ±13
        assertEquals(3, html.split("<span class=\"legend-low\">−13.00</span>", -1).length - 1, "Q, K and V on one scale: " + html);
    }

    @Test
    void theShapesWidgetExplainsHeadsThatDoNotDivide() throws IOException {
        String html = load("widget shapes", "{\"d_model\": 512, \"heads\": 5}").chapters().get(0).html();
        assertTrue(html.contains("5 heads cannot split d_model = 512 into equal blocks: 512 / 5 = 102.4"), html);
        assertTrue(html.contains("Head counts that divide 512: 1, 2, 4, 8, 16, 32, 64, 128, 256, 512."), html);
    }

    @Test
    void lineOfFindsTheFieldTheMessageNames() throws IOException {
        JsonNode state = Mappers.JSON.readTree("{\"a\": 1,\n\"wk\": 2,\n\"x\": 3}");
        String body = "{\"a\": 1,\n\"wk\": 2,\n\"x\": 3}";
        assertEquals(3, WidgetDirective.lineOf("\"x\" row 2 is wrong", state, body));
        assertEquals(2, WidgetDirective.lineOf("wk is 3×3 but wq is 2×2", state, body));
        assertEquals(1, WidgetDirective.lineOf("something else", state, body));
    }
}
