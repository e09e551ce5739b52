package attentionbook.web;

import attentionbook.BookServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route over a real port, as a browser or curl would see it. */
class ServerHttpTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    @Test
    void healthSaysTheBookIsLoaded() {
        HttpResponse<String> health = book.get("/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
        assertTrue(health.body().matches(".*\"chapters\":[1-9][0-9]*.*"), health.body());
    }

    @Test
    void indexListsEveryChapterWithItsSummary() {
        HttpResponse<String> index = book.get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("<h1>The Attention Textbook</h1>"));
        assertTrue(index.body().contains("href=\"/chapters/input-shapes\""), index.body());
        assertTrue(index.body().contains("What the three numbers in [batch, ctx, d_model] mean"), index.body());
    }

    @Test
    void aChapterHasTitleSidebarOutlineAndOneH1() {
        HttpResponse<String> page = book.get("/chapters/input-shapes");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<title>Input shapes — The Attention Textbook</title>"), html);
        assertEquals(1, count(html, "<h1"), "exactly one h1");
        assertTrue(html.contains("aria-current=\"page\""), "the current chapter is marked in the sidebar");
        assertTrue(html.contains("<nav class=\"outline\" aria-label=\"On this page\">"));
        assertTrue(html.contains("<main id=\"main\""));
        assertTrue(html.contains("class=\"skip-link\" href=\"#main\""));
        // (KaTeX's MathML has displaystyle="true", an attribute of the formula, not a style)
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "no inline styles: the CSP forbids them");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "no inline event handlers");
    }

    @Test
    void unknownPagesAnswer404WithAHelpfulPage() {
        HttpResponse<String> missing = book.get("/chapters/no-such-chapter");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertTrue(missing.body().contains("Go to the contents"));
        HttpResponse<String> elsewhere = book.get("/some/where/else");
        assertEquals(404, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("Page not found"));
    }

    @Test
    void unknownApiRoutesAnswerJson404() {
        HttpResponse<String> missing = book.get("/api/nothing-here");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"error\":\"no such API endpoint: GET /api/nothing-here\"}", missing.body());
    }

    @Test
    void assetsAreFingerprintedImmutableAndRevalidatable() {
        String html = book.get("/").body();
        Matcher css = Pattern.compile("href=\"(/static/[0-9a-f]{12}/css/page\\.css)\"").matcher(html);
        assertTrue(css.find(), "the page links a fingerprinted stylesheet");
        HttpResponse<String> sheet = book.get(css.group(1));
        assertEquals(200, sheet.statusCode());
        assertEquals("public, max-age=31536000, immutable", sheet.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(sheet.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        String etag = sheet.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = book.send(HttpRequest.newBuilder(URI.create(book.url(css.group(1))))
                .header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        HttpResponse<String> katex = book.get(css.group(1).replace("css/page.css", "vendor/katex/katex.min.js"));
        assertEquals(200, katex.statusCode());
        assertTrue(katex.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
    }

    @Test
    void aPageWaitsForOneStylesheetOfOursMadeOfEveryPartInCascadeOrder() {
        String html = book.get("/chapters/scores").body();
        Matcher links = Pattern.compile("<link rel=\"stylesheet\" href=\"/static/[0-9a-f]{12}/([^\"]+)\"( media=\"print\")?>").matcher(html);
        List<String> blocking = new ArrayList<>();
        String pageCss = null;
        while (links.find()) {
            if (links.group(2) == null) {
                blocking.add(links.group(1));
            }
            if (links.group(1).equals("css/page.css")) {
                pageCss = links.group(0).replaceAll(".*href=\"([^\"]+)\".*", "$1");
            }
        }
        assertEquals(List.of("vendor/katex/katex.min.css", "css/page.css"), blocking);
        String joined = book.get(pageCss).body();
        int at = -1;
        for (String part : List.of("book.css", "type.css", "components.css", "fit.css", "heat.css", "widgets.css",
                "exercises.css", "full-attention.css", "reader.css", "symbols.css")) {
            String own = book.get(pageCss.replace("page.css", part)).body();
            int found = joined.indexOf(own);
            assertTrue(found > at, part + " is in page.css whole, after the part before it");
            at = found;
        }
    }

    @Test
    void pagesAndAssetsAreServedCompressedWhenAsked() {
        HttpResponse<byte[]> page;
        try {
            page = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(book.url("/chapters/input-shapes")))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals("gzip", page.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(0x1f, page.body()[0] & 0xff, "a gzip stream starts with 1f 8b");
        // Sent whole with its length, not chunked (the load test's page throughput depends on it).
        assertEquals(String.valueOf(page.body().length), page.headers().firstValue("Content-Length").orElse("none"));
        assertFalse(page.headers().firstValue("Transfer-Encoding").isPresent());
        String html;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(page.body()))) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(html.contains("<h1") && html.trim().endsWith("</html>"), "the gzip body is the whole page");

        HttpResponse<String> plain = book.get("/chapters/input-shapes");
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
        assertEquals(String.valueOf(plain.body().getBytes(StandardCharsets.UTF_8).length),
                plain.headers().firstValue("Content-Length").orElse("none"));
        assertEquals(html, plain.body(), "both encodings carry the same page");
    }

    @Test
    void headAnswersAsGetWouldWithoutTheBody() {
        HttpResponse<String> get = book.get("/chapters/input-shapes");
        HttpResponse<String> head = head("/chapters/input-shapes");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse("none"));
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
        // The handler runs, so what GET would refuse, HEAD refuses too.
        assertEquals(404, head("/chapters/no-such-chapter").statusCode());
        assertEquals(404, head("/worksheets/no-such-chapter").statusCode());
        assertEquals(200, head("/health").statusCode());
        HttpResponse<String> api = head("/api/attention");
        assertEquals(405, api.statusCode());
        assertEquals("POST", api.headers().firstValue("Allow").orElse(""));
    }

    private HttpResponse<String> head(String path) {
        return book.send(HttpRequest.newBuilder(URI.create(book.url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[]{"/", "/chapters/input-shapes", "/health", "/nope", "/api/nope"}) {
            HttpResponse<String> r = book.get(path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertFalse(r.headers().firstValue("Server").isPresent(), "no server version header on " + path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/chapters/..%2F..%2Fpom.xml",
            "/chapters/%2e%2e/%2e%2e/pom.xml",
            "/static/../pom.xml",
            "/static/x/../../pom.xml",
            "/static/x/%2e%2e/%2e%2e/pom.xml",
            "/static/x/..%2F..%2Fpom.xml",
            "/static/x/%252e%252e/pom.xml",
            "/chapters/..%5C..%5Cpom.xml",
            "/content/02-input-shapes.md",
            "/book/content/02-input-shapes.md",
    })
    void pathTricksNeverReachAFile(String path) throws IOException {
        String response = rawGet(path);
        assertFalse(response.contains("<artifactId>"), "pom.xml leaked for " + path);
        assertFalse(response.contains("summary: What the three numbers"), "a content file leaked for " + path);
        int status = Integer.parseInt(response.substring(9, 12));
        assertTrue(status == 400 || status == 404, "expected 400 or 404 for " + path + " but got " + status);
    }

    /** Sends the path exactly as written: HttpClient and curl would normalise the dots away. */
    private static String rawGet(String path) throws IOException {
        URI base = URI.create(book.url("/"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
