package attentionbook.web;

import attentionbook.BookServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A course with an instructor key keeps answer keys and worked solutions from learners. */
class InstructorKeyHttpTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0",
            "--course", BookServerExtension.resource("/courses/locked-answers.yaml"));

    private static HttpResponse<String> withKey(String path, String key) {
        return book.send(HttpRequest.newBuilder(URI.create(book.url(path))).header("X-Instructor-Key", key).build());
    }

    @Test
    void solutionsNeedTheKey() {
        assertTrue(book.get("/api/exercises/pipeline-shapes?seed=3").body().contains("\"solutionAvailable\":false"));
        HttpResponse<String> locked = book.get("/api/exercises/pipeline-shapes/solution?seed=3");
        assertEquals(403, locked.statusCode());
        assertTrue(locked.body().contains("the worked solutions of this course are for instructors"), locked.body());
        assertEquals(403, withKey("/api/exercises/pipeline-shapes/solution?seed=3", "wrong-key-here").statusCode());
        assertEquals(403, book.get("/api/exercises/pipeline-shapes/solution?seed=3&key=teacher-only-key").statusCode(),
                "a key in the address unlocks nothing: it would land in proxy logs and browser history");
        assertEquals(200, withKey("/api/exercises/pipeline-shapes/solution?seed=3", "teacher-only-key").statusCode());
        assertTrue(withKey("/api/exercises/pipeline-shapes?seed=3", "teacher-only-key").body().contains("\"solutionAvailable\":true"));
        assertEquals(200, book.get("/api/exercises/pipeline-shapes/hints?seed=3&step=1").statusCode(), "hints stay open");
        assertEquals(200, book.post("/api/exercises/pipeline-shapes/check", "{\"seed\": 3, \"answer\": [[1,1,1],[1,1,1],[1,1,1]]}")
                .statusCode(), "checking stays open");
    }

    @Test
    void answerKeysNeedTheKeyButSheetsDoNot() {
        assertEquals(200, book.get("/worksheets/input-shapes?seed=3").statusCode());
        HttpResponse<String> locked = book.get("/worksheets/input-shapes/answers?seed=3");
        assertEquals(403, locked.statusCode());
        assertTrue(locked.body().contains("This answer key is for instructors"), locked.body());
        assertFalse(locked.body().contains("Worked solution"));
        assertEquals(403, book.get("/worksheets/answers?seed=3").statusCode());
        assertEquals(403, book.get("/worksheets/input-shapes/answers?seed=3&key=teacher-only-key").statusCode());
        HttpResponse<String> open = withKey("/worksheets/input-shapes/answers?seed=3", "teacher-only-key");
        assertEquals(200, open.statusCode());
        assertTrue(open.body().contains("Worked solution"));
    }

    @Test
    void noAccessLogLineCarriesTheKey() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            HttpResponse<String> login = book.send(HttpRequest.newBuilder(URI.create(book.url("/instructor/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("key=teacher-only-key&next=%2Fworksheets%2Finput-shapes%2Fanswers%3Fseed%3D3")).build());
            assertEquals(303, login.statusCode());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertEquals(200, book.send(HttpRequest.newBuilder(URI.create(book.url("/worksheets/input-shapes/answers?seed=3")))
                    .header("Cookie", cookie).build()).statusCode());
            assertEquals(200, withKey("/api/exercises/pipeline-shapes/solution?seed=3", "teacher-only-key").statusCode());
            book.get("/worksheets/input-shapes/answers?seed=3&key=teacher-only-key");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains("POST /instructor/login 303"), "the requests were logged: " + log);
        assertTrue(log.contains("GET /worksheets/input-shapes/answers 200"), log);
        log.lines().forEach(line -> assertFalse(line.contains("teacher-only-key"), line));
    }

    @Test
    void theRosterFormSendsTheInstructorToTheLoginNotTheKeyThroughTheAddress() {
        HttpResponse<String> form = book.get("/worksheets/roster");
        assertFalse(form.body().contains("name=\"key\""), "no key field in a GET form: it would put the key in the address");
        assertTrue(form.body().contains("href=\"/instructor/login?next=%2Fworksheets%2Froster\""), form.body());
        assertEquals(403, book.get("/worksheets/roster?names=Ada&answers=1").statusCode());
        assertEquals(403, book.get("/worksheets/roster?names=Ada&answers=1&key=teacher-only-key").statusCode());
        HttpResponse<String> keys = withKey("/worksheets/roster?names=Ada&answers=1", "teacher-only-key");
        assertEquals(200, keys.statusCode());
        assertTrue(keys.body().contains("<h1>Answer key: Ada</h1>"), keys.body());
    }
}
