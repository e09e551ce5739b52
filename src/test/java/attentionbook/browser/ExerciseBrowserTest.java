package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.exercise.Checker;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.ExerciseKind;
import attentionbook.exercise.ExerciseKinds;
import attentionbook.exercise.Mistake;
import attentionbook.exercise.Settings;
import attentionbook.exercise.Verdict;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exercises in a real Chromium: for every kind, type the right answer (computed here by the core)
 * and see it accepted; type an answer made with a known mistake and see that mistake named and the
 * wrong cells marked; hints, the solution, new numbers, progress, and the printable sheets.
 */
class ExerciseBrowserTest {
    static final long SEED = 2024;
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0",
            "--content", BookServerExtension.resource("/books/exercises"));

    static Exercise local(String kind, long seed) {
        ExerciseKind k = ExerciseKinds.find(kind).orElseThrow();
        return k.generate(seed, Settings.defaults(k.options()));
    }

    /** The exercise, started and scrolled to: a block far from the screen is not rendered, and its innerText is empty. */
    static Locator exercise(Page page, String id) {
        Locator section = page.locator("section[data-exercise-id=\"" + id + "\"]");
        Browsers.scrollTo(section);   // an exercise starts when the reader comes near it
        section.locator(".answer-input").first().waitFor();
        Browsers.scrollTo(section);   // started, it has grown: in view again
        return section;
    }

    /** Types each cell as a learner would: rounded to the decimals asked for, "-inf" for −∞. */
    static void type(Locator section, Exercise e, double[][] cells) {
        Locator inputs = section.locator(".answer-input");
        assertEquals(e.form().rows() * e.form().cols(), inputs.count(), "one input a cell");
        int i = 0;
        for (double[] row : cells) {
            for (double v : row) {
                inputs.nth(i++).fill(Double.isInfinite(v) ? "-inf"
                        : new BigDecimal(v).setScale(e.form().rounding().decimals(), RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            }
        }
    }

    @Test
    void everyKindAcceptsTheRightAnswerAndNamesAKnownMistake() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/every-exercise?seed=" + SEED));
            Browsers.settle(page);
            for (ExerciseKind kind : ExerciseKinds.all()) {
                Exercise e = local(kind.name(), SEED);
                Locator section = exercise(page, kind.name());
                String where = kind.name() + ": ";
                assertTrue(section.locator(".exercise-seed").innerText().contains(String.valueOf(SEED)), where + "the seed from the URL");
                // the prompt as shown, each typeset formula read back as its TeX between $ signs
                assertEquals(e.prompt().get(0), section.locator(".exercise-prompt p").first().evaluate("p => [...p.childNodes]"
                        + ".map(n => n.nodeType === 3 ? n.textContent : '$' + n.querySelector('annotation').textContent + '$').join('')"),
                        where + "the prompt");

                type(section, e, e.answer().toArray());
                section.locator(".check-button").click();
                waitFor(section, ".feedback-correct", where);
                assertTrue(section.locator(".verdict").innerText().startsWith("Correct"), where + section.locator(".verdict").innerText());

                Mistake mistake = e.mistakes().get(0);
                double[][] wrong = mistake.result().toArray();
                type(section, e, wrong);
                section.locator(".check-button").click();
                waitFor(section, ".diagnosis[data-mistake=\"" + mistake.key() + "\"]", where);
                assertTrue(section.locator(".diagnosis").first().innerText().startsWith("Likely mistake: "), where);
                Verdict expected = Checker.check(e, wrong);
                assertEquals(expected.wrongCells().size(), section.locator("td.cell-wrong").count(), where + "the wrong cells are marked");
                assertEquals(expected.wrongCells().size(), section.locator(".answer-input[aria-invalid=true]").count(), where);
                assertTrue(section.locator(".verdict").innerText().startsWith("Not yet"), where);
            }
            tab.screenshot("exercises-every-kind-1280");
            assertEquals(List.of(), tab.errors(), "console errors");
            assertEquals(List.of(), tab.seriousAccessibilityViolations(), "axe-core with feedback shown");
        }
    }

    /** Waits for feedback, and when it does not come, says what the exercise showed instead. */
    static void waitFor(Locator section, String selector, String where) {
        try {
            section.locator(selector).waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError(where + "no " + selector + "; the feedback says: "
                    + section.locator(".exercise-feedback").innerText() + "; typed: "
                    + section.locator(".answer-input").evaluateAll("inputs => inputs.map(i => i.value).join(' | ')"));
        }
    }

    @Test
    void hintsComeOneAtATimeAndTheSolutionOnRequest() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/every-exercise?seed=" + SEED));
            Exercise e = local("softmax-grid", SEED);
            Locator section = exercise(page, "softmax-grid");
            assertEquals(0, section.locator(".exercise-solution .matrix").count(), "no answer in the page before it is asked for");
            Locator hint = section.locator(".hint-button");
            hint.scrollIntoViewIfNeeded();
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            assertEquals("Hint (1 of " + e.hints().size() + ")", hint.innerText());
            hint.click();
            section.locator(".exercise-hints li").first().waitFor();
            assertEquals(e.hints().get(0).text(), section.locator(".exercise-hints li p").first().innerText());
            assertEquals("Next hint (2 of " + e.hints().size() + ")", hint.innerText());
            for (int i = 1; i < e.hints().size(); i++) {
                hint.click();
                section.locator(".exercise-hints > li").nth(i).waitFor();
            }
            assertTrue(hint.isDisabled(), "no more hints");
            assertTrue(section.locator(".exercise-hints pre").first().innerText().contains("max ="), "the core's arithmetic");

            section.locator(".solution-button").click();
            section.locator(".exercise-solution .solution-steps").waitFor();
            assertEquals("true", section.locator(".solution-button").getAttribute("aria-expanded"));
            assertEquals(e.solution().size(), section.locator(".solution-steps > li").count());
            String answerCell = section.locator(".solution-answer tbody td").first().innerText();
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", e.answer().get(0, 0)), answerCell);
            tab.screenshot("exercise-hints-solution-1280");
            assertEquals(List.of(), tab.seriousAccessibilityViolationsScrolledThrough(), "axe-core with hints and solution");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void emptyAndUnreadableCellsGetAMessageOnTheFieldNotAVerdict() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/every-exercise?seed=" + SEED));
            Locator section = exercise(page, "causal-mask");
            section.locator(".check-button").click();
            assertEquals("Row 1, column 1 is empty: fill in every cell.", section.locator(".exercise-feedback").innerText());
            assertEquals("true", section.locator(".answer-input").first().getAttribute("aria-invalid"));
            Exercise e = local("causal-mask", SEED);
            type(section, e, e.answer().toArray());
            section.locator(".answer-input").nth(4).fill("lots");
            section.locator(".check-button").click();
            assertEquals("Row 2, column 2 must be a number (or -inf for a hidden cell), not “lots”.",
                    section.locator(".exercise-feedback").innerText());
            assertEquals(0, section.locator(".verdict").count(), "no verdict on a malformed answer");
            assertEquals(List.of(), tab.errors(), "nothing was sent, so no 400 either");
        }
    }

    @Test
    void newNumbersStayAfterAReloadAndSolvedExercisesAreMarkedInTheChapterLists() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/input-shapes"));
            Locator first = exercise(page, "pipeline-shapes");
            String own = first.locator(".exercise-seed strong").innerText();
            page.reload();
            first = exercise(page, "pipeline-shapes");
            assertEquals(own, first.locator(".exercise-seed strong").innerText(), "a learner's own numbers survive a reload");
            first.locator(".new-numbers").click();
            page.waitForFunction("own => document.querySelector('[data-exercise-id=\"pipeline-shapes\"] .exercise-seed strong')"
                    + ".textContent !== own", own);
            String seed = first.locator(".exercise-seed strong").innerText();
            page.reload();
            first = exercise(page, "pipeline-shapes");
            assertEquals(seed, first.locator(".exercise-seed strong").innerText(), "new numbers are remembered");

            for (String id : List.of("pipeline-shapes", "element-count")) {
                Locator section = exercise(page, id);
                long s = Long.parseLong(section.locator(".exercise-seed strong").innerText());
                Exercise e = local(id, s);
                type(section, e, e.answer().toArray());
                section.locator(".check-button").click();
                section.locator(".feedback-correct").waitFor();
                if (id.equals("pipeline-shapes")) {
                    assertTrue(page.locator(".sidebar li[data-slug=\"input-shapes\"]").getAttribute("class").contains("progress-partial"));
                    assertEquals("1/2 (1 of 2 exercises solved)",
                            page.locator(".sidebar li[data-slug=\"input-shapes\"] .progress-mark").textContent());
                }
            }
            Locator mark = page.locator(".sidebar li[data-slug=\"input-shapes\"] .progress-mark");
            assertTrue(page.locator(".sidebar li[data-slug=\"input-shapes\"]").getAttribute("class").contains("progress-done"));
            assertTrue(mark.innerText().startsWith("✓"), mark.innerText());
            page.navigate(book.url("/"));
            page.locator(".chapter-list li[data-slug=\"input-shapes\"] .progress-mark").waitFor();
            assertTrue(page.locator(".chapter-list li[data-slug=\"input-shapes\"]").getAttribute("class").contains("progress-done"));
            assertFalse(page.locator(".chapter-list li[data-slug=\"every-exercise\"] .progress-mark").isVisible(), "unsolved chapters are not marked");
            tab.screenshot("progress-index-1280");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void onAPhoneTheExerciseFitsAndWorksByKeyboard() {
        try (Browsers.Tab tab = Browsers.open(360, 740)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/every-exercise?seed=" + SEED));
            Locator section = exercise(page, "weighted-sum");
            Browsers.settle(page);
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways by " + overflow + "px");
            Exercise e = local("weighted-sum", SEED);
            section.locator(".answer-input").first().focus();
            double[][] answer = e.answer().toArray();
            for (int r = 0; r < answer.length; r++) {
                for (int c = 0; c < answer[r].length; c++) {
                    page.keyboard().type(new BigDecimal(answer[r][c]).stripTrailingZeros().toPlainString());
                    page.keyboard().press("Tab");
                }
            }
            page.keyboard().press("Enter");   // on the Check button, the next stop after the last cell
            section.locator(".feedback-correct").waitFor();
            section.scrollIntoViewIfNeeded();
            tab.screenshot("exercise-weighted-sum-360");
            assertEquals(List.of(), tab.seriousAccessibilityViolations(), "axe-core at 360 px");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void worksheetAndAnswerKeyRenderOnScreenAndInPrint() throws Exception {
        Files.createDirectories(Paths.get("target", "screenshots"));
        for (String path : List.of("/worksheets/every-exercise?seed=42&student=Ada", "/worksheets/every-exercise/answers?seed=42&student=Ada",
                "/worksheets?seed=42")) {
            String name = path.contains("answers") ? "answer-key" : path.startsWith("/worksheets?") ? "worksheet-book" : "worksheet";
            try (Browsers.Tab tab = Browsers.open(1280, 900)) {
                Page page = tab.page();
                page.navigate(book.url(path));
                Browsers.settle(page);
                assertTrue(page.locator(".worksheet-seed").innerText().equals("42"), path);
                assertEquals(1, page.locator("h1").count());
                tab.screenshot(name + "-1280");
                assertEquals(List.of(), tab.seriousAccessibilityViolations(), "axe-core on " + path);
                // Print at the printable widths of A4 (210 mm) and Letter (8.5 in) with the @page margins (16 mm a side).
                for (int[] size : new int[][]{{673, 1000}, {695, 950}}) {
                    page.setViewportSize(size[0], size[1]);
                    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                    Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                    assertTrue(((Number) overflow).intValue() <= 0, () -> path + " is too wide to print at " + size[0] + "px by " + overflow
                            + ": " + page.evaluate("() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right"
                            + " > window.innerWidth).slice(-3).map((e) => e.tagName + '.' + e.className + ' in '"
                            + " + (e.closest('[data-exercise],section,article')?.id || e.closest('[id]')?.id)).join('; ')"));
                    assertFalse(page.locator(".sidebar").isVisible(), "no sidebar in print");
                    assertFalse(page.locator(".worksheet-actions").isVisible(), "no links to other sheets in print");
                    assertTrue(page.locator(".worksheet-meta").isVisible(), "the seed is printed");
                }
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
                for (String format : List.of("A4", "Letter")) {
                    byte[] pdf = page.pdf(new Page.PdfOptions().setFormat(format).setPreferCSSPageSize(true)
                            .setPath(Paths.get("target", "screenshots", name + "-" + format + ".pdf")));
                    assertTrue(pdf.length > 10_000, format + " PDF of " + path);
                }
                assertEquals(List.of(), tab.errors(), "console errors on " + path);
            }
        }
    }

}
