package attentionbook.web;

import attentionbook.book.Mappers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What the API tests share: one real server for all of them, and reading its JSON answers. */
final class ApiTesting {
    private static RunningBook book;

    private ApiTesting() {
    }

    /** The server, started on first use with rate limiting off (a test sends hundreds of requests a second). */
    static synchronized RunningBook book() {
        if (book == null) {
            book = RunningBook.start("--rate-limit", "0");
            Runtime.getRuntime().addShutdownHook(new Thread(book::close, "api-test-server"));
        }
        return book;
    }

    static JsonNode parse(String json) {
        try {
            return Mappers.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The status, a JSON body of exactly {"error": ...}, every word in the message, and no Java internals. */
    static void assertError(HttpResponse<String> response, int status, List<String> words) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.body());
        JsonNode json = parse(response.body());
        assertEquals(List.of("error"), fieldNames(json), response.body());
        String message = json.get("error").asText();
        for (String word : words) {
            assertTrue(message.contains(word), "expected \"" + word + "\" in: " + message);
        }
        assertFalse(message.contains("Exception") || message.contains("com.fasterxml") || message.contains("at attentionbook."),
                "no Java internals in: " + message);
    }
}
