package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.RunningBook;
import attentionbook.exercise.Exercise;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as an instructor hosts it: under a prefix, with a course file, rate limited. */
class HostingHttpTest {

    static String resource(String path) {
        try {
            return Path.of(HostingHttpTest.class.getResource(path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void underABasePathEveryLinkAndRouteCarriesThePrefix() {
        try (RunningBook book = RunningBook.start("--base-path", "/attention/")) {
            HttpResponse<String> index = book.get("/attention/");
            assertEquals(200, index.statusCode());
            Matcher hrefs = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"").matcher(index.body() + book.get("/attention/chapters/input-shapes").body());
            int links = 0;
            while (hrefs.find()) {
                links++;
                assertTrue(hrefs.group(1).startsWith("/attention/"), "unprefixed link " + hrefs.group(1));
                assertEquals(200, book.get(hrefs.group(1)).statusCode(), hrefs.group(1));
            }
            assertTrue(links > 10, "links checked: " + links);
            assertTrue(index.body().contains("data-base=\"/attention\""), "scripts learn the prefix");
            assertEquals(404, book.get("/").statusCode());
            assertEquals(200, book.get("/attention/health").statusCode());
            HttpResponse<String> api = book.get("/attention/api/none");
            assertEquals(404, api.statusCode());
            assertEquals("{\"error\":\"no such API endpoint: GET /attention/api/none\"}", api.body());
            HttpResponse<String> redirect = book.get("/attention/chapters");
            assertEquals(302, redirect.statusCode());
            assertEquals("/attention/", redirect.headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void aCourseFileSetsTitleWelcomeAndReadingOrder() {
        try (RunningBook book = RunningBook.start("--content", resource("/books/good"), "--course", resource("/courses/good.yaml"))) {
            String index = book.get("/").body();
            assertTrue(index.contains("<h1>CS 4780: Attention</h1>"), index);
            assertTrue(index.contains("Read <strong>chapters 1 and 2</strong> before Tuesday's lab."), index);
            int second = index.indexOf("href=\"/chapters/second-step\"");
            int first = index.indexOf("href=\"/chapters/first\"");
            assertTrue(second > 0 && first > second, "the course's order: second-step, then first");
            assertFalse(index.contains("href=\"/chapters/input-shapes\""), "a chapter left out is not listed");
            HttpResponse<String> unlisted = book.get("/chapters/input-shapes");
            assertEquals(200, unlisted.statusCode(), "but it is still served, so no link breaks");
            assertTrue(unlisted.body().contains("Not in this course's reading list"));
        }
    }

    @Test
    void aChapterLeftOutOfTheReadingOrderWorksExactlyAsAListedOne() {
        try (RunningBook book = RunningBook.start("--base-path", "/attention", "--course", resource("/courses/two-chapters.yaml"))) {
            String index = book.get("/attention/").body();
            assertFalse(index.contains("href=\"/attention/chapters/masking\""), "masking is not listed");
            // softmax (listed) links to masking (left out): the link arrives at a working chapter
            String softmax = book.get("/attention/chapters/softmax").body();
            assertTrue(softmax.contains("href=\"masking\""), "the listed chapter links to the unlisted one");
            HttpResponse<String> masking = book.get("/attention/chapters/masking");
            assertEquals(200, masking.statusCode());
            assertTrue(masking.body().contains("data-exercise-id=\"causal-mask\""), "its exercises are on the page");

            Exercise expected = ExerciseHttpTest.local("causal-mask", 7);
            HttpResponse<String> exercise = book.get("/attention/api/exercises/causal-mask?seed=7");
            assertEquals(200, exercise.statusCode(), exercise.body());
            JsonNode view = ApiTesting.parse(exercise.body());
            assertEquals(7, view.get("seed").asLong());
            assertEquals(expected.title(), view.get("title").asText());
            HttpResponse<String> check = book.post("/attention/api/exercises/causal-mask/check",
                    "{\"seed\": 7, \"answer\": " + ExerciseHttpTest.rows(expected.answer().toArray()) + "}");
            assertEquals(200, check.statusCode(), check.body());
            assertTrue(ApiTesting.parse(check.body()).get("correct").asBoolean(), check.body());
            assertEquals(200, book.get("/attention/api/exercises/masked-softmax/hints?seed=7&step=1").statusCode());

            List<String> listedChapters = new java.util.ArrayList<>();
            ApiTesting.parse(book.get("/attention/api/exercises").body()).forEach(e -> listedChapters.add(e.get("chapter").asText()));
            assertTrue(listedChapters.contains("masking"), "the API lists the exercises it answers for: " + listedChapters);

            HttpResponse<String> sheet = book.get("/attention/worksheets/masking?seed=7");
            assertEquals(200, sheet.statusCode());
            assertTrue(sheet.body().contains(expected.title()), "the unlisted chapter's sheet holds its exercises");
            assertEquals(200, book.get("/attention/worksheets/masking/answers?seed=7").statusCode());
            assertEquals(302, book.get("/attention/worksheets/masking").statusCode(), "an unseeded sheet gets a seed");
            String course = book.get("/attention/worksheets?seed=7").body();
            assertTrue(course.contains("Chapter 1: Scaling the scores"), "the whole course's sheet follows its reading order");
            assertFalse(course.contains(expected.title()), "and leaves out the chapters the course leaves out");
        }
    }

    @Test
    void theWelcomesLinksToChaptersWorkFromTheContentsPage() {
        try (RunningBook book = RunningBook.start("--base-path", "/attention", "--course", resource("/courses/welcome-links.yaml"))) {
            String index = book.get("/attention/").body();
            String welcome = index.substring(index.indexOf("<div class=\"welcome\">"), index.indexOf("</div>", index.indexOf("<div class=\"welcome\">")));
            Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(welcome);
            List<String> links = new java.util.ArrayList<>();
            while (hrefs.find()) {
                links.add(hrefs.group(1));
            }
            assertEquals(List.of("chapters/scores", "chapters/scaling#the-problem"), links);
            for (String link : links) {
                URI resolved = URI.create(book.url("/attention/")).resolve(link);
                assertEquals(200, book.get(resolved.getRawPath()).statusCode(), "from the contents page, " + link + " arrives");
            }
        }
    }

    @Test
    void securityHeadersOnEveryKindOfResponse() {
        try (RunningBook book = RunningBook.start("--rate-limit", "1")) {
            String css = find(book.get("/").body(), "href=\"(/static/[^\"]+\\.css)\"");
            for (String path : List.of("/", "/chapters/input-shapes", css, "/health", "/no-page", "/api/none", "/api/none", "/api/none")) {
                HttpResponse<String> r = book.get(path);
                String where = path + " (" + r.statusCode() + ")";
                assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), where);
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), where);
                assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""), where);
                assertFalse(r.headers().firstValue("Server").isPresent(), where);
            }
        }
    }

    @Test
    void rateLimitingAnswers429WithRetryAfterAndRecovers() throws InterruptedException {
        try (RunningBook book = RunningBook.start("--rate-limit", "1")) {
            assertEquals(404, book.get("/api/none").statusCode());
            assertEquals(404, book.get("/api/none").statusCode());
            HttpResponse<String> limited = book.get("/api/none");
            assertEquals(429, limited.statusCode());
            assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(limited.body().startsWith("{\"error\":\"too many requests"), limited.body());
            assertEquals(200, book.get("/").statusCode(), "pages are not limited");
            Thread.sleep(1100); // one token comes back each second
            assertEquals(404, book.get("/api/none").statusCode(), "recovered after the wait");
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() {
        try (RunningBook book = RunningBook.start("--rate-limit", "1", "--trust-proxy")) {
            for (int i = 0; i < 2; i++) {
                assertEquals(404, forwardedFor(book, "10.0.0.1").statusCode());
            }
            assertEquals(429, forwardedFor(book, "10.0.0.1").statusCode());
            assertEquals(404, forwardedFor(book, "10.0.0.2").statusCode(), "another student is not blocked");
        }
    }

    @Test
    void aScriptInTheAddressNeverComesBackExecutable() {
        try (RunningBook book = RunningBook.start()) {
            for (String path : List.of("/chapters/%3Cscript%3Ealert(1)%3C/script%3E", "/?q=%3Cscript%3Ealert(1)%3C/script%3E",
                    "/api/none?q=%3Cscript%3Ealert(1)%3C/script%3E", "/nothing/%3Cimg%20src=x%20onerror=alert(1)%3E")) {
                HttpResponse<String> r = book.get(path);
                assertFalse(r.body().contains("<script>alert"), path);
                assertFalse(r.body().contains("<img src=x"), path);
                if (path.startsWith("/api/")) {
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
                }
            }
        }
    }

    @Test
    void stoppingFinishesARequestStillInFlight() throws Exception {
        RunningBook book = RunningBook.start();
        String body = "{\"x\": [[1, 0], [0, 1]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}";
        URI url = URI.create(book.url("/api/attention"));
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            // Headers and half the body: the request is in flight, its handler waiting for the rest.
            out.write(("POST /api/attention HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body.substring(0, 20))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            Thread stopper = new Thread(book::close);
            stopper.start();
            Thread.sleep(300); // the server is now stopping, and must wait for this request
            out.write(body.substring(20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            // X = Wq = Wk = Wv = I: row 1 of the weights is softmax([1/√2, 0]) = [e^(1/√2), 1] / (e^(1/√2) + 1).
            double e = Math.exp(1 / Math.sqrt(2));
            var output = Mappers.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).get("output");
            assertEquals(e / (e + 1), output.get(0).get(0).doubleValue(), 1e-12, "the answer is complete: " + response);
            assertEquals(1 / (e + 1), output.get(0).get(1).doubleValue(), 1e-12);
            stopper.join(15_000);
        }
    }

    private static HttpResponse<String> forwardedFor(RunningBook book, String client) {
        try {
            return book.send(HttpRequest.newBuilder(new URI(book.url("/api/none"))).header("X-Forwarded-For", client).build());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }
}
