package attentionbook.web;

import attentionbook.App;
import attentionbook.book.Book;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.Roster;
import attentionbook.records.StudentLinks;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that dies under a running class (here the embedded database closed underneath the server):
 * the student still gets their verdict, with 200, "recorded": false and the sentence that says so.
 */
class RecordingFailureHttpTest {
    @TempDir
    Path folder;

    @Test
    void aDeadStoreStillAnswersTheVerdictAndSaysItWasNotRecorded() throws Exception {
        Book book = App.loadBundledBook();
        ExerciseCatalog catalog = ExerciseDirective.catalog(book);
        Declaration declared = catalog.all().stream().filter(d -> d.kind().name().equals("score-grid")).findFirst().orElseThrow();
        Files.writeString(folder.resolve("roster.csv"), ClassCourse.ROSTER);
        ClassRecords records = RecordStores.open(null, folder.resolve("data"));
        Classroom classroom = new Classroom(Roster.read(folder.resolve("roster.csv")), new StudentLinks(ClassCourse.KEY), records);
        Pages pages = new Pages(book, Assets.load(), "", null, null, SeedPolicy.OPEN, true);
        ServerSettings settings = new ServerSettings("", 0, false, "test");
        Javalin app = BookServer.create(book, pages, Assets.load(), settings, List.of(
                new ExerciseApi(catalog, InstructorKey.none(), new ClassRecorder(classroom, Clock.systemUTC())),
                new StudentRoutes(classroom, pages, settings)), () -> { });
        app.start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String cookie = StudentCookie.NAME + "=" + ClassCourse.token("s002");
            Exercise e = declared.generate(9);
            String body = "{\"seed\": 9, \"answer\": " + ExerciseHttpTest.rows(e.answer().toArray()) + "}";
            HttpRequest check = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/exercises/" + declared.id() + "/check"))
                    .header("Cookie", cookie).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();

            JsonNode stored = ApiTesting.parse(http.send(check, HttpResponse.BodyHandlers.ofString()).body());
            assertTrue(stored.get("recorded").asBoolean(), "the live store records: " + stored);

            records.close();   // the database goes away mid-class
            HttpResponse<String> response = http.send(check, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode verdict = ApiTesting.parse(response.body());
            assertTrue(verdict.get("correct").asBoolean(), "checking itself still works");
            assertFalse(verdict.get("recorded").asBoolean());
            assertEquals("your answer was checked but could not be recorded", verdict.get("record_error").asText());

            HttpRequest hint = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/exercises/" + declared.id()
                    + "/hints?seed=9&step=1")).header("Cookie", cookie).GET().build();
            assertEquals(200, http.send(hint, HttpResponse.BodyHandlers.ofString()).statusCode(), "a hint is shown though it cannot be noted");
        } finally {
            app.stop();
        }
    }
}
