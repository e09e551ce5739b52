package attentionbook.web;

import attentionbook.RunningBook;
import attentionbook.book.Mappers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The endpoints of the layer, decode, online-softmax and cost widgets: 405 for other methods, 400 naming the field. */
class LiveWidgetApiTest {
    static RunningBook book;

    @BeforeAll
    static void start() {
        book = RunningBook.start("--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    @Test
    void otherMethodsAnswer405() {
        for (String path : List.of("/api/layer", "/api/decode", "/api/online-softmax", "/api/cost")) {
            ApiTesting.assertError(book.get(path), 405, List.of("GET is not allowed on " + path));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/layer|{\"preset\": \"journey\", \"token\": 9}|\"token\" must be from 1 to 6",
        "/api/layer|{\"preset\": \"journey\", \"wo\": [[1, 0], [0, 1], [1, 1]]}|the residual X + output needs wo",
        "/api/layer|{\"preset\": \"journey\", \"tokne\": 1}|tokne",
        "/api/decode|{\"preset\": \"journey\", \"dtype\": \"fp8\"}|\"dtype\" must be one of float32, float16, int8",
        "/api/decode|{\"preset\": \"journey\", \"step\": 0}|\"step\"",
        "/api/online-softmax|{\"scores\": [1, 2], \"values\": [[1]]}|\"values\" has 1 rows but there are 2 scores",
        "/api/online-softmax|{\"scores\": [1, 2], \"tile\": 3}|\"tile\"",
        "/api/online-softmax|{\"scores\": [1e9]}|from −1000 to 1000",
        "/api/cost|{\"ctx\": 2000000}|\"ctx\"",
        "/api/cost|{\"layers\": 129}|\"layers\"",
        "/api/cost|{\"d_model\": 4096, \"heads\": 3}|\"heads\" is 3 but d_model is 4096",
        "/api/cost|[]|the body must be a JSON object",
    })
    void badBodiesAnswer400NamingTheField(String path, String body, String words) {
        ApiTesting.assertError(book.post(path, body), 400, List.of(words));
    }

    @Test
    void theLargestCostTheWidgetAllowsIsCounted() throws IOException {
        HttpResponse<String> response = book.post("/api/cost", "{\"ctx\": 1048576, \"d_model\": 16384, \"heads\": 1024, \"layers\": 128}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = Mappers.JSON.readTree(response.body());
        assertEquals(attentionbook.attention.Costs.kvCacheBytes(128, 1, 1048576, 1024, 16, 2), answer.get("kv_cache_bytes").asLong());
        assertFalse(response.body().contains("Infinity") || response.body().contains("NaN"));
    }
}
