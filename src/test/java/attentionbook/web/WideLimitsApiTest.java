package attentionbook.web;

import attentionbook.BookServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static attentionbook.web.ApiTesting.assertError;
import static attentionbook.web.ApiTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The width limit is the lab's widest model, d_model 64, and the one body limit (512 KiB) holds such a layer
 * written in full: the numbers are spelled out here, not read from the constants, so that changing a limit
 * is a decision a test notices.
 */
class WideLimitsApiTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    /** A rows×cols matrix of doubles written in full (17 significant digits), as a trained model's are. */
    private static String matrix(SplittableRandom random, int rows, int cols) {
        StringBuilder json = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            json.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < cols; c++) {
                json.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.17g", random.nextDouble(-0.3, 0.3)));
            }
            json.append(']');
        }
        return json.append(']').toString();
    }

    /** The largest layer: 12 tokens of 64 dimensions, four 64×64 weights in full, 8 heads of d_k 8. */
    private static String layer(int width) {
        SplittableRandom random = new SplittableRandom(64);
        return "{\"x\": " + matrix(random, 12, width) + ", \"wq\": " + matrix(random, width, width) + ", \"wk\": "
                + matrix(random, width, width) + ", \"wv\": " + matrix(random, width, width) + ", \"wo\": "
                + matrix(random, width, width) + ", \"heads\": 8, \"causal\": true}";
    }

    @Test
    void aLayer64WideWrittenInFullIsAnswered() {
        String body = layer(64);
        assertTrue(body.getBytes(StandardCharsets.UTF_8).length > 300_000, "a body far over the old 64 KiB: " + body.length());
        HttpResponse<String> answer = book.post("/api/attention", body);
        assertEquals(200, answer.statusCode(), answer.body().substring(0, Math.min(300, answer.body().length())));
        assertEquals("12×64", parse(answer.body()).get("shapes").get("output").asText());
        assertEquals(8, parse(answer.body()).get("heads").size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x", "wq", "wo"})
    void aMatrix65WideIsRefusedNamingTheFieldAndTheLimit(String field) {
        String one = "[[1]]";
        String wide = "[[" + "0.5, ".repeat(64) + "0.5]]";
        String body = "{\"x\": " + (field.equals("x") ? wide : one) + ", \"wq\": " + (field.equals("x") ? "[" + "[1], ".repeat(64) + "[1]]"
                : field.equals("wq") ? wide : one) + ", \"wk\": " + (field.equals("x") ? "[" + "[1], ".repeat(64) + "[1]]" : one)
                + ", \"wv\": " + (field.equals("x") ? "[" + "[1], ".repeat(64) + "[1]]" : one)
                + (field.equals("wo") ? ", \"wo\": " + wide : "") + "}";
        assertError(book.post("/api/attention", body), 400, List.of("\"" + field + "\": 65 columns", "more than the API's limit of 64"));
    }

    @Test
    void aBodyOver512KiBIsRefusedWith413AndTheLimit() {
        String body = "{\"x\": [[" + "1, ".repeat(180_000) + "1]]}";
        assertError(book.post("/api/attention", body), 413, List.of("the body is " + body.length() + " bytes",
                "at most 524288 bytes (512 KiB)"));
        assertError(book.post("/api/decode", body), 413, List.of("at most 524288 bytes (512 KiB)"));
    }

    @Test
    void theWidgetsApisTakeA64WideLayerToo() {
        SplittableRandom random = new SplittableRandom(7);
        String matrices = "\"tokens\": [\"a\", \"b\", \"c\"], \"x\": " + matrix(random, 3, 64) + ", \"wq\": " + matrix(random, 64, 64)
                + ", \"wk\": " + matrix(random, 64, 64) + ", \"wv\": " + matrix(random, 64, 64) + ", \"wo\": " + matrix(random, 64, 64);
        HttpResponse<String> decoded = book.post("/api/decode", "{" + matrices + ", \"heads\": 4, \"kv_heads\": 4, \"step\": 3}");
        assertEquals(200, decoded.statusCode(), decoded.body());
        assertEquals(4, parse(decoded.body()).get("weights").size());
        HttpResponse<String> summed = book.post("/api/weighted-sum", "{" + matrices.replaceAll("\"tokens\": \\[[^]]*], ", "")
                + ", \"heads\": 4, \"causal\": true, \"row\": 2, \"head\": 3}");
        assertEquals(200, summed.statusCode(), summed.body());
        String tooWide = "{\"tokens\": [\"a\"], \"x\": [[" + "1, ".repeat(64) + "1]], \"wq\": [" + "[1], ".repeat(64) + "[1]], \"wk\": ["
                + "[1], ".repeat(64) + "[1]], \"wv\": [" + "[1], ".repeat(64) + "[1]], \"step\": 1}";
        assertError(book.post("/api/decode", tooWide), 400, List.of("1×65", "64 wide"));
    }
}
