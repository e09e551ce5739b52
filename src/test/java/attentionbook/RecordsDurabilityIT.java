package attentionbook;

import attentionbook.book.Mappers;
import attentionbook.exercise.Declaration;
import attentionbook.records.Attempt;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.StudentLinks;
import attentionbook.web.ExerciseDirective;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar with a roster, stopped with SIGTERM while students check answers from several
 * threads: every check it answered with "recorded": true is in the store after a restart.
 */
class RecordsDurabilityIT {
    static final String KEY = "correct-horse-battery";
    static final int THREADS = 4;
    /** Checks acknowledged before the stop is sent: enough that some are surely in flight when it comes. */
    static final int BEFORE_STOP = 150;

    @TempDir
    Path folder;

    /** A started jar, its address and everything it prints. */
    record Server(Process process, String url, Queue<String> output) {
        static Server start(String... args) throws Exception {
            Process process = JarIT.launch(args);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Queue<String> output = new ConcurrentLinkedQueue<>();
            String url = null;
            for (String line; url == null && (line = out.readLine()) != null; ) {
                output.add(line);
                Matcher m = Pattern.compile("running at (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertTrue(url != null, "the jar started: " + output);
            Thread reader = new Thread(() -> {
                try {
                    out.lines().forEach(output::add);
                } catch (UncheckedIOException closed) {
                    // the process ended
                }
            }, "jar-output");
            reader.setDaemon(true);
            reader.start();
            return new Server(process, url, output);
        }
    }

    @Test
    void noAcknowledgedCheckIsLostWhenTheServerIsStoppedMidClass() throws Exception {
        Files.writeString(folder.resolve("roster.csv"), "id,name\ns001,Ada Lovelace\ns002,Alan Turing\n");
        Path course = Files.writeString(folder.resolve("course.yaml"), "instructor_key: " + KEY + "\nroster: roster.csv\n");
        Path data = folder.resolve("data");
        String[] args = {"--port", "0", "--host", "127.0.0.1", "--rate-limit", "0", "--course", course.toString(), "--data", data.toString()};
        Declaration declared = ExerciseDirective.catalog(App.loadBundledBook()).all().stream()
                .filter(d -> d.kind().name().equals("score-grid")).findFirst().orElseThrow();
        StudentLinks links = new StudentLinks(KEY);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        Server server = Server.start(args);
        assertTrue(server.output().stream().anyMatch(l -> l.contains("Class records of 2 students go to an embedded database in "
                + data.toAbsolutePath())), "start-up says where records go: " + server.output());
        String token = links.token("s001");
        HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create(server.url() + "s/" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, link.statusCode());

        // each check a seed of its own, so the store can be compared seed by seed with the answers
        AtomicLong nextSeed = new AtomicLong(1);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> sent = ConcurrentHashMap.newKeySet();
        List<Thread> students = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String cookie = "attentionbook-student=" + links.token(t % 2 == 0 ? "s001" : "s002");
            Thread student = new Thread(() -> {
                while (true) {
                    long seed = nextSeed.getAndIncrement();
                    String body = "{\"seed\": " + seed + ", \"answer\": " + rows(declared.generate(seed).answer().toArray()) + "}";
                    sent.add(seed);
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/exercises/" + declared.id() + "/check"))
                                .timeout(Duration.ofSeconds(15)).header("Cookie", cookie).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        JsonNode answer = Mappers.JSON.readTree(r.body());
                        if (r.statusCode() == 200 && answer.path("recorded").asBoolean(false)) {
                            acknowledged.add(seed);
                        }
                    } catch (Exception stopped) {
                        return;   // the server has gone
                    }
                }
            }, "student-" + t);
            students.add(student);
            student.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < BEFORE_STOP && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        server.process().destroy();   // SIGTERM
        assertTrue(server.process().waitFor(30, TimeUnit.SECONDS), "the server stopped");
        for (Thread student : students) {
            student.join(20_000);
        }
        assertTrue(acknowledged.size() >= BEFORE_STOP, "checks were recorded before the stop: " + acknowledged.size());
        for (String line : server.output()) {
            assertFalse(line.contains(token) || line.contains(KEY), "no token or key in the log: " + line);
        }
        assertTrue(server.output().stream().anyMatch(l -> l.contains("GET /s/… 303")), "the link's request is logged without its token");

        // restarted on the same data folder: the book serves again, and holds every acknowledged check
        Server again = Server.start(args);
        try {
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(again.url() + "health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } finally {
            again.process().destroy();
            assertTrue(again.process().waitFor(30, TimeUnit.SECONDS));
        }
        Set<Long> stored = new HashSet<>();
        try (ClassRecords records = RecordStores.open(null, data)) {
            records.eachAttempt((Attempt a) -> stored.add(a.seed()));
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertEquals(Set.of(), lost, "acknowledged checks missing from the store");
        assertTrue(sent.containsAll(stored), "nothing stored that was not sent");
        assertTrue(stored.size() - acknowledged.size() <= THREADS, "at most the checks in flight at the stop are stored unanswered: "
                + stored.size() + " stored, " + acknowledged.size() + " acknowledged");
    }

    private static String rows(double[][] cells) {
        List<String> rows = new ArrayList<>();
        for (double[] row : cells) {
            List<String> values = new ArrayList<>();
            for (double v : row) {
                values.add(v == Double.NEGATIVE_INFINITY ? "\"-inf\"" : Double.toString(v));
            }
            rows.add("[" + String.join(", ", values) + "]");
        }
        return "[" + String.join(", ", rows) + "]";
    }
}
