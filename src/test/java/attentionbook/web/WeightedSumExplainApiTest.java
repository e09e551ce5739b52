package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.BookServerExtension;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/weighted-sum/explain: every cell of the weighted-sum widget explains its own value, the
 * products aⱼ·V[j][c] and the cells made from the reader's own weights included.
 */
class WeightedSumExplainApiTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");
    static final double[][] X = {{1, 2}, {3, 4}, {5, 6}};
    static final double[][] W = {{1, 0}, {0, 1}};
    static final String INPUTS = "\"x\": [[1, 2], [3, 4], [5, 6]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]";

    private static JsonNode explain(String extra, String matrix, int row, int col) throws IOException {
        HttpResponse<String> response = book.post("/api/weighted-sum/explain", "{" + INPUTS + ", \"row\": 1" + extra
                + ", \"explain\": {\"matrix\": \"" + matrix + "\", \"row\": " + row + ", \"col\": " + col + "}}");
        assertEquals(200, response.statusCode(), response.body());
        return Mappers.JSON.readTree(response.body());
    }

    private static double termSum(JsonNode explanation) {
        double sum = 0.0;
        for (JsonNode term : explanation.get("terms")) {
            sum += term.get("value").asDouble();
        }
        return sum;
    }

    @Test
    void aWeightedValueIsOneProductNotTheWholeOutput() throws IOException {
        AttentionTrace t = Attention.run(Matrix.of(X), new AttentionSpec(Matrix.of(W), Matrix.of(W), Matrix.of(W), null, 1, false, true));
        double a = t.heads().get(0).weights().get(1, 2);
        JsonNode e = explain("", "weighted", 2, 0);
        assertEquals(a * 5, e.get("value").asDouble());
        assertEquals(1, e.get("terms").size());
        assertEquals(a, e.get("terms").get(0).get("left").asDouble());
        assertEquals(5.0, e.get("terms").get(0).get("right").asDouble());
        assertEquals("a₂₃·v₃[1] = a₂₃ × V[3][1]", e.get("formula").asText());
        assertTrue(e.get("note").asText().contains("term 3 of the sum that makes output column 1"), e.get("note").asText());

        JsonNode output = explain("", "output", 0, 1);
        assertEquals(t.heads().get(0).output().get(1, 1), output.get("value").asDouble());
        assertEquals(output.get("value").asDouble(), termSum(output), 0.0);
        JsonNode weight = explain("", "weights", 0, 0);
        assertEquals(t.heads().get(0).weights().get(1, 0), weight.get("value").asDouble());
        JsonNode v = explain("", "v", 2, 1);
        assertEquals(6.0, v.get("value").asDouble());
    }

    @Test
    void theReadersOwnWeightsExplainTheirDivisionAndTheirSum() throws IOException {
        String given = ", \"weights\": [1, 0, 3]";
        JsonNode weight = explain(given, "weights", 2, 0);
        assertEquals(0.75, weight.get("value").asDouble());
        assertEquals("3 / (1 + 0 + 3) = 3 / 4 = 0.75", weight.get("arithmetic").asText());
        JsonNode product = explain(given, "weighted", 2, 1);
        assertEquals(0.75 * 6, product.get("value").asDouble());
        JsonNode output = explain(given, "output", 0, 0);
        assertEquals(0.25 * 1 + 0.75 * 5, output.get("value").asDouble());
        assertEquals(List.of(0.25, 0.0, 0.75), output.get("terms").findValues("left").stream().map(JsonNode::asDouble).toList());
    }

    @Test
    void aCellOutsideItsMatrixIsNamed() throws IOException {
        HttpResponse<String> response = book.post("/api/weighted-sum/explain", "{" + INPUTS
                + ", \"row\": 0, \"explain\": {\"matrix\": \"output\", \"row\": 1, \"col\": 0}}");
        ApiTesting.assertError(response, 400, List.of("the cell [1, 0] is outside output, which is 1×2"));
        HttpResponse<String> unknown = book.post("/api/weighted-sum/explain", "{" + INPUTS
                + ", \"row\": 0, \"explain\": {\"matrix\": \"scores\", \"row\": 0, \"col\": 0}}");
        ApiTesting.assertError(unknown, 400, List.of("\"matrix\" is \"scores\": it must be one of weights, v, weighted, output"));
    }
}
