package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.RunningBook;
import attentionbook.exercise.Seeds;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Exercise math typeset in the browser, and worksheets printed by Chromium to PDF, read back with
 * pdftotext (Debian's poppler-utils): pages filled, no blank first page, each student on new pages.
 */
class WorksheetPrintBrowserTest {
    /** A page with less text than this is near-empty: a title alone, or a stray line. */
    static final int NEAR_EMPTY = 150;
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    @Test
    void anExercisePromptTypesetsDModelAsMath() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/multi-head-attention?seed=7"));
            Browsers.scrollTo(page.locator("section[data-exercise-id=\"head-shapes\"]"));   // exercises start when near
            Locator prompt = page.locator("section[data-exercise-id=\"head-shapes\"] .exercise-prompt");
            prompt.locator(".katex").first().waitFor();
            Locator math = prompt.locator(".math[data-typeset]");
            assertTrue(math.count() >= 1, "typeset math in the prompt");
            String annotation = math.first().locator("annotation").textContent();
            assertEquals("d_\\text{model} = ", annotation.replaceAll("[0-9]+$", ""), "the TeX of d_model = N");
            assertTrue(!prompt.innerText().contains("$") && !prompt.innerText().contains("d_model"),
                    "no raw TeX or plain d_model left: " + prompt.innerText());
            page.locator("section[data-exercise-id=\"head-shapes\"] .hint-button").click();
            Locator hint = page.locator("section[data-exercise-id=\"head-shapes\"] .exercise-hints li").first();
            hint.locator(".katex").first().waitFor();
            assertTrue(hint.locator(".katex").count() >= 1, "the hint's d_k is typeset");
            assertEquals(List.of(), tab.errors());
        }
    }

    /**
     * An instructor's chapter, whose formulas the build never saw, is typeset in the browser: the first
     * screen at once, the rest in idle slices, and all that is left when the page is printed.
     */
    @Test
    void printingAnInstructorsChapterTypesetsTheFormulasTheIdleSlicesHaveNotReached(@TempDir Path content) throws Exception {
        StringBuilder chapter = new StringBuilder("---\ntitle: Our own notation\nsummary: Formulas of our course.\n---\n");
        for (int i = 1; i <= 200; i++) {   // far more than the screens near the top
            chapter.append("\nThe ").append(i).append("th step writes $z_{").append(i)
                    .append("} = \\tfrac{").append(i).append("}{3} y_{").append(i).append("}$ and then moves on.\n");
        }
        Files.writeString(content.resolve("50-own-notation.md"), chapter);
        try (RunningBook own = RunningBook.start("--content", content.toString(), "--rate-limit", "0");
             Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            // A page never idle: only printing can typeset the formulas far below the first screen.
            page.addInitScript("window.requestIdleCallback = () => 0;");
            page.navigate(own.url("/chapters/own-notation"));
            page.locator(".math[data-typeset] .katex").first().waitFor();
            int waiting = ((Number) page.evaluate("() => document.querySelectorAll('.math:not([data-typeset])').length")).intValue();
            assertTrue(waiting > 100, waiting + " formulas wait far below the first screen");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            page.waitForFunction("() => document.querySelectorAll('.math:not([data-typeset])').length === 0");
            assertEquals(0, page.locator(".math-error").count(), "formulas KaTeX could not typeset");
            List<?> counts = (List<?>) page.evaluate("() => [document.querySelectorAll('.math').length,"
                    + " document.querySelectorAll('.math[data-typeset] .katex-mathml math').length]");
            assertEquals(counts.get(0), counts.get(1), "every formula typeset for paper, with its MathML");
            assertEquals(List.of(), tab.errors(), "console errors");
        }
    }

    @Test
    void aClassRosterPrintsEachStudentOnNewPagesAndNoPageIsNearEmpty() throws Exception {
        String names = URLEncoder.encode("Ada\nBob Lee\nCy", StandardCharsets.UTF_8);
        List<String> pages = pdfPages("/worksheets/roster?chapter=scaling&names=" + names, "roster");
        int starts = 0;
        for (String text : pages) {
            assertTrue(text.strip().length() >= NEAR_EMPTY, "a near-empty page: " + text);
            if (text.contains("Worksheet: ")) {
                starts++;
                assertTrue(text.strip().startsWith("WORKSHEET"), "a student's sheet starts at the top of a page: " + text);
            }
        }
        assertEquals(3, starts, "one sheet a student");
        for (String student : List.of("Ada", "Bob Lee", "Cy")) {
            assertTrue(pages.stream().anyMatch(p -> p.contains("Worksheet: " + student) && p.contains(Long.toString(Seeds.forStudent(student)))),
                    student + "'s sheet is headed with the name and the seed");
        }
    }

    @Test
    void theBookSheetFillsItsPagesAndTheSoftmaxKeyStartsOnItsFirstPage() throws Exception {
        List<String> sheet = pdfPages("/worksheets?seed=42", "book-sheet");
        long exercises = sheet.stream().mapToLong(p -> p.split("Exercise \\d+: ", -1).length - 1).sum();
        assertTrue(exercises >= 12, exercises + " exercises");
        assertTrue(exercises >= 1.7 * sheet.size(), exercises + " exercises on " + sheet.size() + " pages");
        for (String text : sheet) {
            assertTrue(text.strip().length() >= NEAR_EMPTY, "a near-empty page: " + text);
        }
        List<String> key = pdfPages("/worksheets/softmax/answers?seed=42", "softmax-key");
        assertTrue(key.get(0).contains("Exercise 1: "), "the key's first page holds more than its title: " + key.get(0));
        for (String text : key) {
            assertTrue(text.strip().length() >= NEAR_EMPTY, "a near-empty page: " + text);
        }
    }

    /** The page printed by Chromium to an A4 PDF, as the text of each page. */
    static List<String> pdfPages(String path, String name) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext is missing: apt-get install poppler-utils");
        Path pdf = Path.of("target", "screenshots", name + ".pdf");
        Files.createDirectories(pdf.getParent());
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url(path));
            Browsers.settle(page);
            page.pdf(new Page.PdfOptions().setFormat("A4").setPreferCSSPageSize(true).setPath(pdf));
            assertEquals(List.of(), tab.errors(), "console errors on " + path);
        }
        Process run = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), text);
        List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
        if (pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);   // pdftotext ends the last page with a form feed too
        }
        return pages;
    }
}
