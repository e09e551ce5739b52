package attentionbook.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static attentionbook.web.InstructorHttpTest.ROSTER;
import static attentionbook.web.InstructorHttpTest.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instructor's routes in other courses: one without a roster, one under a base path. */
class InstructorCoursesHttpTest {

    @Test
    void withoutARosterTheDashboardSaysHowToAddOne(@TempDir Path other) {
        try (ClassroomServer plain = new ClassroomServer(other, null, "")) {
            HttpResponse<String> page = plain.asInstructor("/instructor");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<code>roster: roster.csv</code>"), page.body());
            HttpResponse<String> csv = plain.asInstructor("/instructor/gradebook.csv");
            assertEquals(409, csv.statusCode(), "404 would be answered with the HTML page not found");
            assertTrue(csv.body().startsWith("this course has no roster"), csv.body());
            assertEquals(403, plain.get("/instructor/gradebook.csv").statusCode(), "the key comes first");
        }
    }

    @Test
    void underABasePathTheCookieAndTheLinksKeepToIt(@TempDir Path other) throws IOException {
        try (ClassroomServer prefixed = new ClassroomServer(other, ROSTER, "/attention")) {
            HttpResponse<String> in = prefixed.postForm("/attention/instructor/login", "key=" + ClassroomServer.KEY);
            assertEquals("/attention/instructor", in.headers().firstValue("Location").orElse(""));
            assertTrue(in.headers().firstValue("Set-Cookie").orElseThrow().contains("Path=/attention;"));
            List<List<String>> links = csv(prefixed.get("/attention/instructor/links.csv", "X-Instructor-Key", ClassroomServer.KEY).body());
            assertTrue(links.get(1).get(2).startsWith(prefixed.url("/attention/s/")), links.get(1).get(2));
            HttpResponse<String> refused = prefixed.get("/attention/instructor?sort=solved");
            assertTrue(refused.body().contains("name=\"next\" value=\"/instructor?sort=solved\""), "the login returns to the page asked for");
        }
    }

    @Test
    void aDeadStoreAnswers503WithTheReasonNot500(@TempDir Path other) {
        try (ClassroomServer dead = new ClassroomServer(other, ROSTER, "")) {
            dead.room.records().close();
            for (String path : List.of("/instructor", "/instructor/mistakes", "/instructor/students/s1")) {
                HttpResponse<String> page = dead.asInstructor(path);
                assertEquals(503, page.statusCode(), path);
                assertTrue(page.body().contains("The class records cannot be read right now"), path);
            }
            for (String path : List.of("/instructor/gradebook.csv", "/instructor/attempts.csv")) {
                HttpResponse<String> csv = dead.asInstructor(path);
                assertEquals(503, csv.statusCode(), path);
                assertTrue(csv.body().startsWith("the class records cannot be read right now"), csv.body());
            }
        }
    }
}
