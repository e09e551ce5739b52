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
            Locator seedLine = page.locator(".exercise-seed").first();
            seedLine.waitFor();
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
            for (String line : page.locator(".exercise-seed").allInnerTexts()) {
                assertTrue(line.startsWith("Numbers no. " + seed + " (for Ada Lovelace)"), line);
            }
            page.reload();
            page.locator(".exercise-seed").first().waitFor();
            assertTrue(page.locator(".exercise-seed").first().innerText().startsWith("Numbers no. " + seed), "remembered after a reload");
            assertEquals(List.of(), tab.errors());
            assertEquals(List.of(), tab.seriousAccessibilityViolations());
            tab.screenshot("exercise-per-student-390");
        }
    }
}
