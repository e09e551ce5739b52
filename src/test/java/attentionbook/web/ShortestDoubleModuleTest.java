package attentionbook.web;

import attentionbook.RunningBook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Json.MAPPER with ShortestDoubleModule writes, byte for byte, what Jackson alone writes. */
class ShortestDoubleModuleTest {
    /** Jackson alone: Json.MAPPER as it was before the module. */
    private static final ObjectMapper JACKSON = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    record Numbers(double one, Double boxed, Double missing, double[] row, Double[] masked, double[][] matrix,
                   double[][][] batch, List<Double> list, double[] empty, double[][] emptyRows) {
    }

    private static Numbers numbers(SplittableRandom random) {
        double[][] matrix = new double[3][4];
        for (double[] row : matrix) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextDouble(-3, 3) * Math.pow(10, random.nextInt(-12, 12));
            }
        }
        return new Numbers(random.nextDouble(), 0.1 + 0.2, null, new double[]{1, -0.0, 1e-7, 12_345_678.9, random.nextGaussian()},
                new Double[]{0.5, null, 2.0 / 3}, matrix, new double[][][]{matrix, {{7}}}, List.of(1e300, 5e-324),
                new double[0], new double[][]{{}, null, {}});
    }

    @Test
    void writesWhatJacksonWritesAsTextAndAsBytes() throws JsonProcessingException {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            Numbers numbers = numbers(random);
            assertEquals(JACKSON.writeValueAsString(numbers), Json.MAPPER.writeValueAsString(numbers));
            assertArrayEquals(JACKSON.writeValueAsBytes(numbers), Json.MAPPER.writeValueAsBytes(numbers));
        }
    }

    @Test
    void writesNumbersWithoutADecimalFormAsJacksonDoes() throws JsonProcessingException {
        Numbers odd = new Numbers(Double.NaN, Double.POSITIVE_INFINITY, null, new double[]{Double.NEGATIVE_INFINITY, 1},
                new Double[]{Double.NaN, null}, new double[][]{{Double.NaN}}, new double[][][]{}, List.of(), new double[0], new double[0][]);
        String json = Json.MAPPER.writeValueAsString(odd);
        assertEquals(JACKSON.writeValueAsString(odd), json);
        assertTrue(json.contains("\"NaN\"") && json.contains("\"-Infinity\""), json);
    }

    @Test
    void buildsNumbersNotTextWhenJacksonBuildsATree() {
        JsonNode tree = Json.MAPPER.valueToTree(numbers(new SplittableRandom(3)));
        assertTrue(tree.get("one").isDouble(), tree.toString());
        assertEquals(0.1 + 0.2, tree.get("boxed").doubleValue());
        assertTrue(tree.get("missing").isNull());
        assertEquals(12_345_678.9, tree.get("row").get(3).doubleValue());
        assertTrue(tree.get("masked").get(1).isNull());
        assertEquals(2.0 / 3, tree.get("masked").get(2).doubleValue());
        assertEquals(7, tree.get("batch").get(1).get(0).get(0).doubleValue());
        assertTrue(tree.get("emptyRows").get(1).isNull());
    }

    @Test
    void theApiSendsJacksonsBytesForEveryReferenceCaseAndABatch() throws JsonProcessingException {
        RunningBook book = ApiTesting.book();
        List<String> bodies = new java.util.ArrayList<>();
        for (JsonNode reference : AttentionApiTest.referenceCases()) {
            bodies.add(AttentionApiTest.requestOf(reference));
        }
        bodies.add(batchedCausalBody());
        for (String body : bodies) {
            HttpResponse<String> response = book.post("/api/attention", body);
            assertEquals(200, response.statusCode(), response.body());
            String expected = JACKSON.writeValueAsString(AttentionApi.attention(Json.MAPPER.readTree(body)));
            assertEquals(expected, response.body(), body);
            assertEquals(expected.getBytes(StandardCharsets.UTF_8).length,
                    Integer.parseInt(response.headers().firstValue("Content-Length").orElse("-1")), "the length sent");
        }
    }

    /** Two sequences of four tokens, two heads, causal: the masked steps carry nulls. */
    private static String batchedCausalBody() {
        SplittableRandom random = new SplittableRandom(11);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode x = body.putArray("x");
        for (int b = 0; b < 2; b++) {
            fill(x.addArray(), random, 4, 4);
        }
        for (String w : new String[]{"wq", "wk", "wv", "wo"}) {
            fill(body.putArray(w), random, 4, 4);
        }
        body.put("heads", 2);
        body.put("causal", true);
        return body.toString();
    }

    private static void fill(ArrayNode matrix, SplittableRandom random, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            ArrayNode row = matrix.addArray();
            for (int c = 0; c < cols; c++) {
                row.add(random.nextDouble(-1, 1));
            }
        }
    }
}
