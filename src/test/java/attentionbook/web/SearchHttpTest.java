package attentionbook.web;

import attentionbook.RunningBook;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /search} and {@code /api/search} on the real server, an instructor's own chapter included. */
class SearchHttpTest {
    @TempDir
    static Path content;
    private static RunningBook book;

    @BeforeAll
    static void start() throws IOException {
        Files.writeString(content.resolve("20-our-project.md"), """
                ---
                title: Attention in our course project
                summary: How the project's transformer uses attention.
                ---
                You will be able to: find the project's zebrafish tracker.

                ## The zebrafish tracker

                Our tracker attends over frames of video.
                """);
        book = RunningBook.start("--content", content.toString(), "--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return attentionbook.book.Mappers.JSON.readTree(response.body());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void theApiAnswersResultsWithTitleSectionHrefAndAMarkedSnippet() throws IOException {
        HttpResponse<String> response = book.get("/api/search?q=" + q("kv cache"));
        assertEquals(200, response.statusCode());
        JsonNode first = json(response).get("results").get(0);
        assertEquals("The KV cache", first.get("title").asText());
        assertEquals("", first.get("section").asText());
        assertEquals("/chapters/kv-cache", first.get("href").asText());
        assertTrue(first.get("snippet").asText().contains("<mark>KV</mark> <mark>cache</mark>"), first.toString());
        assertEquals(200, book.get(first.get("href").asText()).statusCode(), "the result's link arrives");
    }

    @Test
    void anInstructorsOwnChapterIsSearchedAndLinkedToItsSection() throws IOException {
        JsonNode first = json(book.get("/api/search?q=zebrafish")).get("results").get(0);
        assertEquals("Attention in our course project", first.get("title").asText());
        assertEquals("/chapters/our-project#the-zebrafish-tracker", first.get("href").asText());
    }

    @Test
    void thePageListsResultsWithoutScript() {
        HttpResponse<String> page = book.get("/search?q=" + q("d_k"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<a href=\"/chapters/notation#symbols\"><span class=\"search-result-title\">Notation</span><span class=\"search-result-section\">Symbol: d_k</span></a>"),
                page.body());
        assertTrue(page.body().contains("<mark>d_k</mark>"));
        assertTrue(page.body().contains("value=\"d_k\""), "the box keeps the query");
    }

    @Test
    void everyPageHasTheSearchBox() {
        for (String path : new String[]{"/", "/chapters/softmax", "/lab", "/no-such-page"}) {
            String body = book.get(path).body();
            assertTrue(body.contains("<form class=\"site-search\" role=\"search\" action=\"/search\" method=\"get\">"), path);
        }
    }

    @Test
    void oddQueriesGetAClearAnswerAndAreEscaped() throws IOException {
        HttpResponse<String> script = book.get("/search?q=" + q("<script>alert(1)</script>"));
        assertTrue(script.statusCode() == 200 || script.statusCode() == 400, "status " + script.statusCode());
        assertFalse(script.body().contains("<script>alert"), "the query is escaped on the page");
        assertTrue(script.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        for (String odd : new String[]{"\"", "title:(", "*", "\"\"\"", "a AND", "<script>", "%", "\u0000"}) {
            HttpResponse<String> api = book.get("/api/search?q=" + q(odd));
            assertTrue(api.statusCode() == 200 || api.statusCode() == 400, odd + " answered " + api.statusCode());
            JsonNode body = json(api);
            assertTrue(api.statusCode() == 200 ? body.has("results") : body.get("error").asText().startsWith("q: "), odd + ": " + api.body());
            assertEquals(api.statusCode() == 200 ? 200 : 400, book.get("/search?q=" + q(odd)).statusCode(), odd);
        }
    }

    @Test
    void emptyAndTenKilobyteQueriesAreRefusedWithTheReason() throws IOException {
        HttpResponse<String> empty = book.get("/api/search?q=");
        assertEquals(400, empty.statusCode());
        assertEquals("q: Type a word to search for.", json(empty).get("error").asText());
        assertEquals(400, book.get("/api/search").statusCode());
        assertEquals(200, book.get("/search").statusCode(), "the page without a query is the empty search form");

        String long10k = "attention ".repeat(1024);
        HttpResponse<String> api = book.get("/api/search?q=" + q(long10k));
        assertEquals(400, api.statusCode());
        assertEquals("q: The search is 10240 characters long; the limit is 200. Search for a few words.", json(api).get("error").asText());
        HttpResponse<String> page = book.get("/search?q=" + q(long10k));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("The search is 10240 characters long; the limit is 200."), page.body());
    }
}
