package attentionbook.web;

import attentionbook.book.Mappers;
import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/attention/explain over a real port: every explained cell agrees with /api/attention's answer. */
class AttentionExplainApiTest {
    /** Two tokens, two heads, causal, with W_O: every kind of cell, including hidden ones. */
    private static final String LAYER = "\"wq\": [[0.5, -1, 2, 0.25], [1.5, 0.75, -0.5, 1]], "
            + "\"wk\": [[1, 0.5, -0.25, 2], [-1, 1, 0.5, 0.5]], \"wv\": [[2, -1, 0.5, 1], [0.25, 1, 1, -2]], "
            + "\"wo\": [[1, 0.5], [-0.5, 1], [0.25, 0.25], [2, -1]], \"heads\": 2, \"causal\": true";
    private static final String X = "[[0.3, -1.2], [0.8, 0.4], [-0.6, 1.1]]";
    private static final String BATCH = "[[[0.3, -1.2], [0.8, 0.4], [-0.6, 1.1]], [[1.7, 0.2], [-0.9, -0.3], [0.5, 0.5]]]";
    private static final List<String> SUMS = List.of("q", "k", "v", "scores", "scaled", "head_output", "output");

    private final RunningBook book = ApiTesting.book();

    /**
     * q, k, v, scores, scaled, head_output, output: Σ left×right over the terms is the cell in
     * /api/attention's answer, for one sequence and for the second sequence of a batch.
     */
    @Test
    void theTermsOfEverySumCellAddUpToTheCellsValue() {
        for (int b : new int[]{-1, 1}) {
            String x = b < 0 ? X : BATCH;
            JsonNode answer = attention(x);
            int checked = 0;
            for (String step : SUMS) {
                for (int head = 0; head < (isPerHead(step) ? 2 : 1); head++) {
                    JsonNode matrix = cells(answer, step, head, b);
                    for (int row = 0; row < matrix.size(); row++) {
                        for (int col = 0; col < matrix.get(row).size(); col++) {
                            String where = step + " batch " + b + " head " + head + " [" + row + "][" + col + "]";
                            assertTermsAddUp(explain(x, step, head, row, col, b), matrix.get(row).get(col).doubleValue(), where);
                            checked++;
                        }
                    }
                }
            }
            // q, k, v: 3 × 3×4; scores, scaled: 2 heads × 3×3 each; head_output: 2 × 3×2; output: 3×2
            assertEquals(3 * 12 + 2 * 2 * 9 + 2 * 6 + 6, checked);
        }
    }

    private static void assertTermsAddUp(JsonNode explanation, double value, String where) {
        assertEquals(value, explanation.get("value").doubleValue(), 0.0, where);
        assertTrue(explanation.get("terms").size() > 0, where);
        double sum = 0.0;
        for (JsonNode term : explanation.get("terms")) {
            assertEquals(term.get("left").doubleValue() * term.get("right").doubleValue(), term.get("value").doubleValue(), 0.0,
                    where + " " + term.get("label").asText());
            sum += term.get("value").doubleValue();
        }
        assertTrue(Math.abs(sum - value) <= 1e-12 * Math.max(1.0, Math.abs(value)),
                where + ": the terms add up to " + sum + " but the cell is " + value);
    }

    /** A weight is its own exp term over the sum of the row's terms; hidden cells are not among the terms. */
    @Test
    void aWeightIsItsExpTermOverTheRowsSum() {
        JsonNode weights = attention(X).get("heads").get(1).get("weights");
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                JsonNode e = explain(X, "weights", 1, row, col, -1);
                assertEquals(row + 1, e.get("terms").size(), "row " + row + " sees tokens 0…" + row);
                double sum = 0.0;
                for (JsonNode term : e.get("terms")) {
                    assertEquals(Math.exp(term.get("left").doubleValue()), term.get("value").doubleValue(), 0.0);
                    sum += term.get("value").doubleValue();
                }
                double weight = weights.get(row).get(col).doubleValue();
                assertEquals(weight, e.get("value").doubleValue(), 0.0);
                if (col > row) {
                    assertEquals(0.0, weight, 0.0);
                    assertTrue(e.get("note").asText().contains("hidden"), e.toString());
                } else {
                    assertEquals(weight, e.get("terms").get(col).get("value").doubleValue() / sum, 1e-15);
                }
            }
        }
    }

    @Test
    void aMaskedCellIsExplainedWithANullValue() {
        JsonNode hidden = explain(X, "masked", 0, 0, 2, -1);
        assertTrue(hidden.get("value").isNull(), hidden.toString());
        assertEquals(0, hidden.get("terms").size());
        assertTrue(hidden.get("note").asText().contains("j > i: token 3 is hidden from row 1"), hidden.toString());
        assertEquals(List.of("step", "head", "row", "col", "value", "formula", "terms", "arithmetic", "note"),
                ApiTesting.fieldNames(hidden));
        assertEquals("masked", hidden.get("step").asText());
        assertEquals(0, hidden.get("head").asInt());
        assertEquals(2, hidden.get("col").asInt());

        JsonNode seen = explain(X, "masked", 0, 2, 0, -1);
        assertEquals(attention(X).get("heads").get(0).get("masked").get(2).get(0).doubleValue(), seen.get("value").doubleValue(), 0.0);
    }

    @Test
    void aBatchedCellSaysWhichSequenceAndAStepWithoutHeadsHasNoHead() {
        JsonNode e = explain(BATCH, "output", 0, 1, 1, 1);
        assertEquals(1, e.get("batch").asInt());
        assertTrue(e.get("head").isNull(), e.toString());
        assertEquals(attention(BATCH).get("output").get(1).get(1).get(1).doubleValue(), e.get("value").doubleValue(), 0.0);
    }

    static Stream<Arguments> badCells() {
        String one = "{\"x\": " + X + ", " + LAYER;
        String batch = "{\"x\": " + BATCH + ", " + LAYER;
        return Stream.of(
                bad("row past the end", one + ", \"step\": \"scores\", \"head\": 1, \"row\": 3, \"col\": 0}",
                        "\"row\" is 3 but scores of head 1 is 3×3: row must be 0–2", "0-based, as in the JSON arrays"),
                bad("negative column", one + ", \"step\": \"q\", \"row\": 0, \"col\": -1}",
                        "\"col\" is -1 but q is 3×4: col must be 0–3", "0-based"),
                bad("column of a head's output", one + ", \"step\": \"head_output\", \"row\": 0, \"col\": 2}",
                        "\"col\" is 2 but head_output of head 0 is 3×2: col must be 0–1"),
                bad("head past the end", one + ", \"step\": \"weights\", \"head\": 2, \"row\": 0, \"col\": 0}",
                        "\"head\" is 2 but there are 2 heads: head must be 0–1"),
                bad("batch past the end", batch + ", \"step\": \"q\", \"row\": 0, \"col\": 0, \"batch\": 2}",
                        "\"batch\" is 2 but x holds 2 sequences: batch must be 0–1"),
                bad("batch missing", batch + ", \"step\": \"q\", \"row\": 0, \"col\": 0}",
                        "\"batch\" is missing: x is a batch of 2 sequences"),
                bad("batch without a batch", one + ", \"step\": \"q\", \"row\": 0, \"col\": 0, \"batch\": 0}",
                        "\"batch\" is only for a batched x", "one 3×2 sequence"),
                bad("row missing", one + ", \"step\": \"q\", \"col\": 0}", "\"row\" is missing", "0-based"),
                bad("col as text", one + ", \"step\": \"q\", \"row\": 0, \"col\": \"1\"}", "\"col\" must be a whole number"),
                bad("step missing", one + ", \"row\": 0, \"col\": 0}", "\"step\" is missing", "q, k, v, scores"),
                bad("step misspelt", one + ", \"step\": \"weight\", \"row\": 0, \"col\": 0}",
                        "\"step\" is \"weight\"", "did you mean \"weights\"?"),
                bad("step not text", one + ", \"step\": 3, \"row\": 0, \"col\": 0}", "\"step\" must be text"),
                bad("a typo in a field", one + ", \"step\": \"q\", \"row\": 0, \"column\": 0}",
                        "unknown field \"column\"", "did you mean"),
                bad("a bad layer", "{\"x\": [[1, 2, 3]], " + LAYER + ", \"step\": \"q\", \"row\": 0, \"col\": 0}",
                        "x is 1×3 but wq is 2×4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCells")
    void aBadCellAnswers400NamingTheFieldAndTheRange(String what, String body, List<String> words) {
        assertError(book.post("/api/attention/explain", body), 400, words);
    }

    private static Arguments bad(String what, String body, String... words) {
        return Arguments.of(what, body, List.of(words));
    }

    private static boolean isPerHead(String step) {
        return List.of("scores", "scaled", "masked", "weights", "head_output").contains(step);
    }

    /** The step's matrix in /api/attention's answer, for sequence b when batched (b ≥ 0). */
    private static JsonNode cells(JsonNode answer, String step, int head, int b) {
        JsonNode matrix = isPerHead(step)
                ? answer.get("heads").get(head).get(step.equals("head_output") ? "output" : step)
                : answer.get(step);
        return b >= 0 ? matrix.get(b) : matrix;
    }

    private JsonNode attention(String x) {
        HttpResponse<String> response = book.post("/api/attention", "{\"x\": " + x + ", " + LAYER + "}");
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body());
    }

    private JsonNode explain(String x, String step, int head, int row, int col, int batch) {
        ObjectNode cell = Mappers.JSON.createObjectNode().put("step", step).put("head", head).put("row", row).put("col", col);
        if (batch >= 0) {
            cell.put("batch", batch);
        }
        String body = "{\"x\": " + x + ", " + LAYER + ", " + cell.toString().substring(1);
        HttpResponse<String> response = book.post("/api/attention/explain", body);
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body());
    }
}
