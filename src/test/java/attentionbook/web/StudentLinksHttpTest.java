package attentionbook.web;

import attentionbook.RunningBook;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.Mistake;
import attentionbook.exercise.Seeds;
import attentionbook.records.Attempt;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static attentionbook.web.ExerciseHttpTest.json;
import static attentionbook.web.ExerciseHttpTest.local;
import static attentionbook.web.ExerciseHttpTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personal links, the student cookie, and the checks recorded under it, on the real server and store. */
class StudentLinksHttpTest {
    @TempDir
    Path folder;

    private static String check(long seed, String answer) {
        return "{\"seed\": " + seed + ", \"answer\": " + answer + "}";
    }

    @Test
    void aLinkSetsAVerifiedCookieAndTheStudentsChecksAreRecordedUnderTheirId() {
        ClassCourse course = new ClassCourse(folder, "student");
        long seed = Seeds.forStudent("s001");
        Exercise e = local("score-grid", seed);
        Mistake mistake = e.mistakes().get(0);
        try (RunningBook book = course.start()) {
            assertTrue(book.get("/").body().contains("data-class-records=\"on\""), "pages know to ask who is signed in");
            HttpResponse<String> link = book.get("/s/" + ClassCourse.token("s001"));
            assertEquals(303, link.statusCode());
            assertEquals("/", link.headers().firstValue("Location").orElse(""));
            assertEquals("no-store", link.headers().firstValue("Cache-Control").orElse(""));
            String set = link.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(set.startsWith(StudentCookie.NAME + "=" + ClassCourse.token("s001") + ";"), set);
            for (String attribute : List.of("; Path=/", "; HttpOnly", "; SameSite=Lax", "; Max-Age=")) {
                assertTrue(set.contains(attribute), attribute + " in " + set);
            }
            assertFalse(set.contains("Secure"), "plain http: a Secure cookie would never come back");
            String cookie = ClassCourse.cookieOf(link);

            JsonNode me = json(ClassCourse.get(book, "/api/student", cookie));
            assertTrue(me.get("signedIn").asBoolean());
            assertEquals("Ada Lovelace", me.get("name").asText());
            assertEquals("s001", me.get("id").asText());
            assertFalse(json(book.get("/api/student")).get("signedIn").asBoolean(), "no cookie, nobody");

            assertEquals(200, ClassCourse.get(book, "/api/exercises/score-grid/hints?seed=" + seed + "&step=2", cookie).statusCode());
            JsonNode wrong = json(ClassCourse.post(book, "/api/exercises/score-grid/check", cookie, check(seed, rows(mistake.result().toArray()))));
            assertFalse(wrong.get("correct").asBoolean());
            assertTrue(wrong.get("recorded").asBoolean(), wrong.toString());
            assertFalse(wrong.has("record_error"));
            JsonNode right = json(ClassCourse.post(book, "/api/exercises/score-grid/check", cookie, check(seed, rows(e.answer().toArray()))));
            assertTrue(right.get("correct").asBoolean());
            assertTrue(right.get("recorded").asBoolean());

            JsonNode anonymous = json(book.post("/api/exercises/score-grid/check", check(seed, rows(e.answer().toArray()))));
            assertTrue(anonymous.get("correct").asBoolean());
            assertFalse(anonymous.has("recorded"), "an anonymous check's answer is as it always was: " + anonymous);
        }
        List<Attempt> attempts = course.attempts();
        assertEquals(2, attempts.size(), attempts.toString());
        Attempt first = attempts.get(0);
        assertEquals("s001", first.studentId());
        assertEquals("score-grid", first.exercise());
        assertEquals(seed, first.seed());
        assertFalse(first.correct());
        assertEquals(mistake.key(), first.mistake());
        assertEquals(2, first.hintsViewed(), "the hint opened before the check");
        Attempt second = attempts.get(1);
        assertTrue(second.correct());
        assertNull(second.mistake());
    }

    @Test
    void aForgedOrTamperedLinkSetsNoCookieAndItsChecksAreNotRecorded() {
        ClassCourse course = new ClassCourse(folder, "open");
        String real = ClassCourse.token("s001");
        char last = real.charAt(real.length() - 1);
        String tampered = real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A');
        String someoneElse = "s002" + real.substring(real.indexOf('.'));   // Ada's signature on Alan's id
        String otherKey = new attentionbook.records.StudentLinks("another-course-key").token("s001");
        try (RunningBook book = course.start()) {
            for (String token : List.of(tampered, someoneElse, otherKey, "s001", "x".repeat(2000))) {
                HttpResponse<String> link = book.get("/s/" + token);
                assertEquals(403, link.statusCode(), token);
                assertTrue(link.headers().firstValue("Set-Cookie").isEmpty(), "no cookie for " + token);
                assertTrue(link.body().contains("This student link is not valid"), link.body());
                assertFalse(link.body().contains("Exception"));
            }
            // a cookie made up by hand is checked like a link: an unsigned id or a forged token is nobody
            long seed = 5;
            Exercise e = local("score-grid", seed);
            for (String cookie : List.of(StudentCookie.NAME + "=s001", StudentCookie.NAME + "=" + tampered, StudentCookie.NAME + "=" + someoneElse, StudentCookie.NAME + "=" + otherKey)) {
                assertFalse(json(ClassCourse.get(book, "/api/student", cookie)).get("signedIn").asBoolean(), cookie);
                JsonNode verdict = json(ClassCourse.post(book, "/api/exercises/score-grid/check", cookie, check(seed, rows(e.answer().toArray()))));
                assertTrue(verdict.get("correct").asBoolean());
                assertFalse(verdict.has("recorded"), cookie);
            }
        }
        assertEquals(List.of(), course.attempts());
    }

    @Test
    void signingOutClearsTheCookieOnTheSamePath() {
        ClassCourse course = new ClassCourse(folder, "open");
        try (RunningBook book = course.start()) {
            String cookie = ClassCourse.cookieOf(book.get("/s/" + ClassCourse.token("s002")));
            HttpResponse<String> out = ClassCourse.post(book, "/sign-out", cookie, "");
            assertEquals(303, out.statusCode());
            String set = out.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(set.startsWith(StudentCookie.NAME + "=;") && set.contains("Max-Age=0") && set.contains("Path=/"), set);
        }
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecure() {
        ClassCourse course = new ClassCourse(folder, "open");
        try (RunningBook book = RunningBook.start("--rate-limit", "0", "--course", folder.resolve("course.yaml").toString(),
                "--data", course.data.toString(), "--trust-proxy", "--base-path", "/attention")) {
            HttpResponse<String> link = book.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    book.url("/attention/s/" + ClassCourse.token("s001")))).header("X-Forwarded-Proto", "https").GET().build());
            assertEquals(303, link.statusCode());
            assertEquals("/attention/", link.headers().firstValue("Location").orElse(""));
            String set = link.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(set.contains("; Path=/attention;") && set.contains("; Secure"), set);
            // the instructor's login cookie too, behind the same proxy
            HttpResponse<String> login = book.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(book.url("/attention/instructor/login")))
                    .header("X-Forwarded-Proto", "https").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("key=" + ClassCourse.KEY + "&next=%2Finstructor")).build());
            assertEquals(303, login.statusCode(), login.body());
            String instructorCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(instructorCookie.contains("; Path=/attention;") && instructorCookie.contains("; Secure"), instructorCookie);
        }
    }

    @Test
    void withoutARosterNothingIsCreatedAndThereAreNoLinks() throws Exception {
        Path data = folder.resolve("data");
        try (RunningBook book = RunningBook.start("--rate-limit", "0", "--data", data.toString())) {
            assertEquals(404, book.get("/s/" + ClassCourse.token("s001")).statusCode());
            assertFalse(book.get("/").body().contains("data-class-records"));
        }
        assertFalse(Files.exists(data) && Files.list(data).findAny().isPresent(), "nothing written without a roster");
    }

    @Test
    void theAccessLogNamesNoToken() {
        assertEquals("/s/…", BookServer.loggedPath("/s/abc.def", ""));
        assertEquals("/attention/s/…", BookServer.loggedPath("/attention/s/abc.def", "/attention"));
        assertEquals("/chapters/s/x", BookServer.loggedPath("/chapters/s/x", ""));
    }
}
