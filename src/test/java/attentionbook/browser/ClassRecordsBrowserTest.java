package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.RunningBook;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.Mistake;
import attentionbook.exercise.Seeds;
import attentionbook.records.Attempt;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.StudentLinks;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static attentionbook.browser.ExerciseBrowserTest.exercise;
import static attentionbook.browser.ExerciseBrowserTest.local;
import static attentionbook.browser.ExerciseBrowserTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two students of a course with a roster, each in a browser of their own: they open their personal
 * links, are greeted by name, get their own numbers without typing anything, and one solves an
 * exercise while the other fails it; the store holds both checks under their ids.
 */
class ClassRecordsBrowserTest {
    static final String KEY = "correct-horse-battery";

    @TempDir
    Path folder;

    /** A course file with an instructor key, per-student numbers and a roster of Ada (s001) and Alan (s002); returns its path. */
    static Path writeCourse(Path folder) throws java.io.IOException {
        Files.writeString(folder.resolve("roster.csv"), "id,name\ns001,Ada Lovelace\ns002,Alan Turing\n");
        return Files.writeString(folder.resolve("course.yaml"),
                "instructor_key: " + KEY + "\nseed_policy: student\nroster: roster.csv\n");
    }

    /** Opens a student's personal link: it goes on to the contents, which greet the student by name. */
    static void openLink(Page page, String link, String contentsUrl, String name) {
        page.navigate(link);
        assertEquals(contentsUrl, page.url(), "the link goes on to the contents");
        Locator greeting = page.locator(".signed-in p");
        greeting.waitFor();
        assertEquals("Signed in as " + name + " (this browser)", greeting.innerText());
    }

    @Test
    void twoStudentsOpenTheirLinksOneSolvesAndOneFails() throws Exception {
        Path course = writeCourse(folder);
        Path data = folder.resolve("data");
        StudentLinks links = new StudentLinks(KEY);
        Exercise ada = local("score-grid", Seeds.forStudent("s001"));
        Exercise alan = local("score-grid", Seeds.forStudent("s002"));
        Mistake mistake = alan.mistakes().get(0);
        try (RunningBook book = RunningBook.start("--rate-limit", "0", "--course", course.toString(), "--data", data.toString(),
                "--content", BookServerExtension.resource("/books/exercises"));
             Browsers.Tab adaTab = Browsers.open(390, 844);
             Browsers.Tab alanTab = Browsers.open(1280, 900)) {
            Page adaPage = adaTab.page();
            openLink(adaPage, book.url("/s/" + links.token("s001")), book.url("/"), "Ada Lovelace");
            assertEquals("Sign out", adaPage.locator(".signed-in button").innerText());
            adaTab.screenshot("class-records-signed-in-390");

            Page alanPage = alanTab.page();
            openLink(alanPage, book.url("/s/" + links.token("s002")), book.url("/"), "Alan Turing"); // each browser its own student

            adaPage.navigate(book.url("/chapters/every-exercise"));
            Locator adaExercise = exercise(adaPage, "score-grid");
            assertTrue(adaExercise.locator(".exercise-seed").innerText().startsWith("Numbers no. " + Seeds.forStudent("s001") + " (for s001)"),
                    "her roster id's numbers, nothing typed: " + adaExercise.locator(".exercise-seed").innerText());
            assertEquals(0, adaPage.locator("form.exercise-student").count(), "no name asked for");
            type(adaExercise, ada, ada.answer().toArray());
            adaExercise.locator(".check-button").click();
            adaExercise.locator(".feedback-correct").waitFor();
            assertTrue(adaExercise.locator(".verdict").innerText().startsWith("Correct"));
            assertEquals(0, adaExercise.locator(".record-error").count(), "recorded: nothing to say");

            alanPage.navigate(book.url("/chapters/every-exercise"));
            Locator alanExercise = exercise(alanPage, "score-grid");
            assertTrue(alanExercise.locator(".exercise-seed").innerText().startsWith("Numbers no. " + Seeds.forStudent("s002")));
            type(alanExercise, alan, mistake.result().toArray());
            alanExercise.locator(".check-button").click();
            alanExercise.locator(".diagnosis[data-mistake=\"" + mistake.key() + "\"]").waitFor();
            assertTrue(alanExercise.locator(".verdict").innerText().startsWith("Not yet"));

            // the store failing under him: the verdict stands and the sentence says the rest
            alanPage.route("**/api/exercises/score-grid/check", (Route route) -> {
                String body = route.fetch().text();
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                        .setBody(body.replace("\"recorded\":true", "\"recorded\":false,\"record_error\":\"your answer was checked but could not be recorded\"")));
            });
            alanExercise.locator(".check-button").click();
            Locator notRecorded = alanExercise.locator(".exercise-feedback[role=status] .record-error");
            notRecorded.waitFor();
            assertEquals("your answer was checked but could not be recorded", notRecorded.innerText());
            assertTrue(alanExercise.locator(".verdict").innerText().startsWith("Not yet"), "the verdict is still shown");
            alanTab.screenshot("class-records-not-recorded-1280");

            // signing out forgets her in this browser only
            adaPage.navigate(book.url("/"));
            adaPage.locator(".signed-in button").click();
            adaPage.waitForURL(book.url("/"));
            Browsers.settle(adaPage);
            assertEquals(0, adaPage.locator(".signed-in").count());
            alanPage.navigate(book.url("/"));
            alanPage.locator(".signed-in p").waitFor();
            assertEquals(List.of(), adaTab.errors());
            assertEquals(List.of(), alanTab.errors());
        }
        List<Attempt> attempts = new ArrayList<>();
        try (ClassRecords records = RecordStores.open(null, data)) {
            records.eachAttempt(attempts::add);
        }
        assertEquals(3, attempts.size(), attempts.toString());
        Attempt solved = attempts.stream().filter(a -> a.studentId().equals("s001")).findFirst().orElseThrow();
        assertTrue(solved.correct());
        assertEquals(Seeds.forStudent("s001"), solved.seed());
        assertNull(solved.mistake());
        List<Attempt> failed = attempts.stream().filter(a -> a.studentId().equals("s002")).toList();
        assertEquals(2, failed.size(), "the second was stored; only its answer was made to look unrecorded");
        assertFalse(failed.get(0).correct());
        assertEquals(mistake.key(), failed.get(0).mistake());
    }
}
