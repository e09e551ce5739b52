package attentionbook.web;

import attentionbook.RunningBook;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a course's seed policy and a student's name reach the numbers, over HTTP: the API and the sheets. */
class SeedPolicyHttpTest {

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> asInstructor(RunningBook book, String path) {
        return book.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(book.url(path)))
                .header("X-Instructor-Key", "teacher-only-key").build());
    }

    private static long apiSeed(RunningBook book, String student) {
        HttpResponse<String> r = book.get("/api/exercises/score?student=" + q(student));
        assertEquals(200, r.statusCode(), student + ": " + r.body());
        return ApiTesting.parse(r.body()).get("seed").asLong();
    }

    private static long sheetSeed(String html) {
        Matcher m = Pattern.compile("data-seed=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), html);
        return Long.parseLong(m.group(1));
    }

    @Test
    void oneStudentHowEverTheNameIsTypedGetsOneSeedFromTheApiAndTheSheets() {
        for (String course : List.of("per-student.yaml", "one-seed.yaml")) {
            try (RunningBook book = RunningBook.start("--course", HostingHttpTest.resource("/courses/" + course))) {
                long ada = apiSeed(book, "Ada Lovelace");
                for (String typed : List.of("ada lovelace", "  ADA   LOVELACE ", "Ada\tLovelace", "Ada\u00a0Lovelace", "Ａｄａ Lovelace")) {
                    assertEquals(ada, apiSeed(book, typed), course + ": \"" + typed + "\" is Ada Lovelace");
                    HttpResponse<String> sheet = book.get("/worksheets/scores?student=" + q(typed));
                    assertEquals(200, sheet.statusCode(), typed);
                    assertEquals(ada, sheetSeed(sheet.body()), course + ": the sheet for \"" + typed + "\"");
                }
                assertEquals(apiSeed(book, "Alice"), apiSeed(book, "alice"), "Alice is alice");
                assertEquals(apiSeed(book, "STRASSE"), apiSeed(book, "straße"), "case-folded, not only lower-cased");
                assertNotEquals(ada, apiSeed(book, "Ada Lovelace Jr"), "a different name is a different student");
                String header = book.get("/worksheets/scores?student=" + q("  Ada   Lovelace ")).body();
                assertTrue(header.contains("Student <strong class=\"worksheet-student\">Ada Lovelace</strong>"), "printed as one name");
                JsonNode view = ApiTesting.parse(book.get("/api/exercises/score?student=" + q(" Ada  Lovelace")).body());
                assertEquals("Ada Lovelace", view.get("student").asText());
            }
        }
    }

    @Test
    void underTheStudentPolicyASheetIsAStudentsAndKeepsTheirNumbers() {
        try (RunningBook book = RunningBook.start("--course", HostingHttpTest.resource("/courses/per-student-locked.yaml"))) {
            long ada = apiSeed(book, "Ada Lovelace");
            HttpResponse<String> own = book.get("/worksheets/scores?student=Ada%20Lovelace");
            assertEquals(200, own.statusCode());
            assertEquals(ada, sheetSeed(own.body()));
            assertFalse(own.body().contains(">New numbers<"), "a student's sheet offers no other numbers");
            assertEquals(200, book.get("/worksheets/scores?seed=" + ada + "&student=ada%20lovelace").statusCode(),
                    "the sheet's own address (seed and student) regenerates it");

            HttpResponse<String> seedAlone = book.get("/worksheets/scores?seed=42");
            assertEquals(400, seedAlone.statusCode());
            assertTrue(seedAlone.body().contains("<h1>Each student has their own sheet</h1>"), seedAlone.body());
            assertTrue(seedAlone.body().contains("This course gives each student their own numbers, made from their name or ID:"
                    + " give ?student=NAME instead of a seed."), seedAlone.body());
            HttpResponse<String> someoneElses = book.get("/worksheets/scores?seed=42&student=Ada%20Lovelace");
            assertEquals(400, someoneElses.statusCode());
            assertTrue(someoneElses.body().contains("The numbers 42 are not Ada Lovelace&#39;s (theirs are " + ada + ")"),
                    someoneElses.body());
            HttpResponse<String> nobody = book.get("/worksheets/scores");
            assertEquals(400, nobody.statusCode(), "no fresh numbers: whose sheet is it?");
            assertTrue(nobody.body().contains("Whose sheet?"), nobody.body());

            assertEquals(200, asInstructor(book, "/worksheets/scores?seed=42").statusCode(), "the instructor prints any sheet");
            assertEquals(200, asInstructor(book, "/worksheets/scores/answers?seed=42").statusCode());
            assertEquals(302, asInstructor(book, "/worksheets/scores").statusCode());
            assertEquals(200, asInstructor(book, "/worksheets/scores/answers?student=ada%20lovelace").statusCode());
            assertEquals(400, book.get("/worksheets/scores?seed=42&key=teacher-only-key").statusCode(), "the key is not read from the address");
        }
    }

    @Test
    void anOpenCourseStillOffersNewNumbers() {
        try (RunningBook book = RunningBook.start()) {
            HttpResponse<String> sheet = book.get("/worksheets/scores?seed=42");
            assertEquals(200, sheet.statusCode());
            assertTrue(sheet.body().contains(">New numbers<"), "other numbers on an open course's sheet");
            assertEquals(302, book.get("/worksheets/scores").statusCode());
        }
    }
}
