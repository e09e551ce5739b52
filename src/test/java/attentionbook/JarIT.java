package attentionbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, run as a newcomer would run it: {@code java -jar target/attention-textbook.jar}. */
class JarIT {
    static final Path JAR = Path.of("target", "attention-textbook.jar");

    static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void servesTheBundledBookAndPrintsItsUrl() throws Exception {
        Process server = launch("--port", "0", "--host", "127.0.0.1");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; url == null && (line = out.readLine()) != null; ) {
                Matcher m = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertTrue(url != null, "the jar printed the URL it serves");
            // the rest of the output, read as it comes (destroying the process closes its streams)
            Queue<String> log = new ConcurrentLinkedQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    out.lines().forEach(log::add);
                } catch (UncheckedIOException closed) {
                    // the server was stopped
                }
            }, "jar-output");
            reader.setDaemon(true);
            reader.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            HttpResponse<String> chapter = http.send(HttpRequest.newBuilder(URI.create(url + "chapters/input-shapes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, chapter.statusCode());
            assertTrue(chapter.body().contains("<h1>Input shapes</h1>"));
            Matcher katex = Pattern.compile("href=\"/(static/[0-9a-f]+/vendor/katex/katex.min.css)\"").matcher(chapter.body());
            assertTrue(katex.find());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url + katex.group(1))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "KaTeX is served from inside the jar");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(url + "chapters/no-such-chapter")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            // an access line a request: method, path, status, time in milliseconds
            for (String request : List.of("GET /health 200", "GET /chapters/input-shapes 200", "GET /chapters/no-such-chapter 404")) {
                Pattern line = Pattern.compile("access - " + request + " \\d+\\.\\dms");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (log.stream().noneMatch(l -> line.matcher(l).find()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(log.stream().anyMatch(l -> line.matcher(l).find()), "an access line for " + request + " in:\n"
                        + String.join("\n", log));
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Process p = launch("--help");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(text.contains("--content DIR"), text);
    }

    @Test
    void anUnknownFlagOrMissingValuePrintsUsageAndExitsTwo() throws Exception {
        for (String[] args : new String[][]{{"--prot", "8080"}, {"--port"}, {"--port", "eighty"}}) {
            Process p = launch(args);
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), String.join(" ", args));
            assertTrue(text.contains("Usage: java -jar"), text);
        }
    }

    @Test
    void aBrokenChapterStopsStartUpNamingFileAndLine(@TempDir Path own) throws Exception {
        Files.writeString(own.resolve("07-mine.md"), "---\ntitle: Mine\nsummary: s\n---\nThe cost $5 is wrong.\n");
        Process p = launch("--port", "0", "--content", own.toString());
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(text.contains("07-mine.md:5: math opened with \"$\" is never closed"), text);
    }
}
