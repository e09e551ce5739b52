package attentionbook.browser;

import attentionbook.RunningBook;
import attentionbook.exercise.Seeds;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course file's seed policy, seen by a learner: one seed for the class, or one per student. */
class SeedPolicyBrowserTest {

    static String course(String name) {
        try {
            return Path.of(SeedPolicyBrowserTest.class.getResource("/courses/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClassSeedGivesEveryLearnerTheSameNumbersAndSheets() {
        try (RunningBook book = RunningBook.start("--course", course("one-seed.yaml"));
             Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/input-shapes"));
            Browsers.scrollTo(page.locator("[data-exercise]").first());   // an exercise starts when the reader comes near
            Locator seedLine = page.locator(".exercise-seed").first();
            seedLine.waitFor();
            Browsers.scrollTo(seedLine);
            assertTrue(seedLine.innerText().startsWith("Numbers no. 2026 (your class's numbers)"), seedLine.innerText());
            HttpResponse<String> sheet = book.get("/worksheets/input-shapes");
            assertEquals(302, sheet.statusCode());
            assertTrue(sheet.headers().firstValue("Location").orElseThrow().contains("seed=2026"), "an unseeded sheet is the class's");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void perStudentNumbersAskForANameOnceForTheWholePage() {
        try (RunningBook book = RunningBook.start("--course", course("per-student.yaml"));
             Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/input-shapes"));
            Browsers.settle(page);               // scrolled through: every exercise started
            Locator forms = page.locator("form.exercise-student");
            forms.first().waitFor();
            int exercises = page.locator("[data-exercise]").count();
            assertEquals(exercises, forms.count(), "every exercise waits for the name");
            forms.first().locator("button").click();
            assertEquals("Type your name or student ID first.", forms.first().locator(".exercise-error").innerText());
            forms.first().getByLabel("Your name or student ID").fill("  Ada Lovelace ");
            forms.first().getByLabel("Your name or student ID").press("Enter");
            long seed = Seeds.forStudent("Ada Lovelace");
            page.waitForFunction("n => document.querySelectorAll('.exercise-seed').length === n", exercises);
            Browsers.settle(page);               // every exercise's line rendered, as a reader scrolling through sees it
            for (String line : page.locator(".exercise-seed").allInnerTexts()) {
                assertTrue(line.startsWith("Numbers no. " + seed + " (for Ada Lovelace)"), line);
            }
            page.reload();
            Browsers.scrollTo(page.locator("[data-exercise]").first());
            page.locator(".exercise-seed").first().waitFor();
            Browsers.scrollTo(page.locator(".exercise-seed").first());
            assertTrue(page.locator(".exercise-seed").first().innerText().startsWith("Numbers no. " + seed), "remembered after a reload");
            assertEquals(List.of(), tab.errors());
            assertEquals(List.of(), tab.seriousAccessibilityViolations());
            tab.screenshot("exercise-per-student-390");
        }
    }
    @Test
    void aStudentsNumbersStayTheirsWhateverTheAddressOrHowTheNameIsTyped() {
        long alice = Seeds.forStudent("alice");
        try (RunningBook book = RunningBook.start("--course", course("per-student.yaml"));
             Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scores?seed=42"));
            Browsers.settle(page);               // scrolled through: every exercise started
            Locator note = page.locator(".exercise-seed-ignored").first();
            note.waitFor();
            Browsers.scrollTo(note);
            assertTrue(note.innerText().startsWith("The seed in this page's address (42) is not used: your course gives each student"),
                    note.innerText());
            Locator name = page.locator("form.exercise-student").first().getByLabel("Your name or student ID");
            name.fill("  ALICE ");
            name.press("Enter");
            int exercises = page.locator("[data-exercise]").count();
            page.waitForFunction("n => document.querySelectorAll('.exercise-seed').length === n", exercises);
            Browsers.settle(page);               // every exercise's line rendered, as a reader scrolling through sees it
            for (String line : page.locator(".exercise-seed").allInnerTexts()) {
                assertTrue(line.startsWith("Numbers no. " + alice + " (for ALICE)"), "the address's 42 is not used: " + line);
            }
            assertEquals(0, page.locator("button.new-numbers").count(), "no New numbers under the student policy");
            assertEquals(0, page.getByText("Try it with new numbers").count());
            String sheet = page.locator(".exercise-worksheet a").first().getAttribute("href");
            assertTrue(sheet.endsWith("/worksheets/scores?student=ALICE"), "the student's own sheet: " + sheet);
            assertEquals(200, book.get(sheet).statusCode());
            String link = page.locator(".exercise-seed a").first().getAttribute("href");
            assertTrue(link.contains("student=ALICE") && !link.contains("seed="), "the link keeps the student: " + link);
            assertEquals(List.of(), tab.errors());
            assertEquals(List.of(), tab.seriousAccessibilityViolations());
            tab.screenshot("exercise-seed-ignored-1280");
        }
        try (RunningBook book = RunningBook.start("--course", course("per-student.yaml"));
             Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scores"));
            Browsers.scrollTo(page.locator("[data-exercise]").first());
            Locator name = page.locator("form.exercise-student").first().getByLabel("Your name or student ID");
            name.fill("alice");
            name.press("Enter");
            page.locator(".exercise-seed").first().waitFor();
            Browsers.scrollTo(page.locator(".exercise-seed").first());
            assertTrue(page.locator(".exercise-seed").first().innerText().startsWith("Numbers no. " + alice + " (for alice)"),
                    "\"alice\" in another browser is the same student as \"ALICE\"");
            assertEquals(0, page.locator("button.new-numbers").count());
            assertEquals(List.of(), tab.errors());
            tab.screenshot("exercise-per-student-alice-390");
        }
    }
}
