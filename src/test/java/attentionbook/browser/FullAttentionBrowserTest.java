package attentionbook.browser;

import attentionbook.RunningBook;
import attentionbook.attention.Matrix;
import attentionbook.exercise.FullAttention;
import attentionbook.exercise.LayerProblem;
import attentionbook.exercise.LayerStep;
import attentionbook.exercise.Settings;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole-layer exercise in the full-picture chapter, in Chromium: a wrong Q and every later step
 * worked from it by hand are marked "correct given your earlier answers", with the summary naming Q
 * as the step to redo; on a phone, and by keyboard alone.
 */
class FullAttentionBrowserTest {
    static final long SEED = 31;
    static RunningBook book;

    @BeforeAll
    static void start() {
        book = RunningBook.start("--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    static LayerProblem problem() {
        FullAttention kind = new FullAttention();
        return kind.problem(SEED, Settings.defaults(kind.options()));
    }

    /** A learner's chain: Q with one slip in its last row, every later step worked from it and rounded as asked. */
    static Map<LayerStep, Matrix> slipInQ(LayerProblem p) {
        double[][] q = p.book().get(LayerStep.Q).get(0).toArray();
        q[p.tokens() - 1][0] += 1;
        Map<LayerStep, List<Matrix>> mine = new EnumMap<>(LayerStep.class);
        Map<LayerStep, Matrix> typed = new EnumMap<>(LayerStep.class);
        for (LayerStep step : p.steps()) {
            int d = step.rounding().decimals();
            List<Matrix> grids = step == LayerStep.Q ? List.of(Matrix.of(q)) : p.compute(step, mine).stream()
                    .map(m -> m.map(v -> Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(d, RoundingMode.HALF_UP).doubleValue() : v))
                    .toList();
            mine.put(step, grids);
            typed.put(step, grids.get(0));
        }
        return typed;
    }

    static String text(double v) {
        return Double.isInfinite(v) ? "-inf" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static Locator open(Page page) {
        page.navigate(book.url("/chapters/the-full-picture?seed=" + SEED));
        Locator section = page.locator("section[data-exercise-id=\"full-attention\"]");
        Browsers.scrollTo(section);   // an exercise starts when the reader comes near it
        section.locator("fieldset[data-step=\"q\"] .step-input").first().waitFor();
        return section;
    }

    @Test
    void aWrongQWithEveryLaterStepWorkedFromItIsCarriedForward() {
        LayerProblem p = problem();
        Map<LayerStep, Matrix> typed = slipInQ(p);
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            Locator section = open(page);
            for (LayerStep step : p.steps()) {
                Locator inputs = section.locator("fieldset[data-step=\"" + step.key() + "\"] "
                        + (step == LayerStep.OUTPUT ? ".answer-input" : ".step-input"));
                Matrix m = typed.get(step);
                assertEquals(m.rows() * m.cols(), inputs.count(), step + ": one input a cell");
                for (int r = 0; r < m.rows(); r++) {
                    for (int c = 0; c < m.cols(); c++) {
                        inputs.nth(r * m.cols() + c).fill(text(m.get(r, c)));
                    }
                }
            }
            section.locator(".check-button").click();
            section.locator(".layer-summary").waitFor();
            assertEquals("Not yet: 2 steps right outright, 5 correct given your earlier answers; the first step to redo is Q = X·W_Q.",
                    section.locator(".layer-summary").innerText());
            Locator q = section.locator("fieldset[data-step=\"q\"] .step-mark");
            assertEquals("wrong", q.getAttribute("data-verdict"));
            assertTrue(q.innerText().contains("row 3, column 1"), q.innerText());
            assertEquals(1, section.locator("fieldset[data-step=\"q\"] td.cell-wrong").count(), "the one wrong cell of Q");
            for (String key : List.of("scores", "scaled", "masked", "weights", "output")) {
                Locator mark = section.locator("fieldset[data-step=\"" + key + "\"] .step-mark");
                assertEquals("carried-forward", mark.getAttribute("data-verdict"), key);
                assertTrue(mark.innerText().startsWith("Correct given your earlier answers."), mark.innerText());
                assertTrue(mark.innerText().contains("Revisit Q = X·W_Q first"), mark.innerText());
            }
            assertEquals("rgb(29, 79, 145)", section.locator("fieldset[data-step=\"scores\"] .step-mark strong")
                    .evaluate("e => getComputedStyle(e).color"), "the calmer colour of a step carried forward");
            assertEquals(0, section.locator("fieldset[data-step=\"scores\"] td.cell-wrong").count());
            assertEquals("correct", section.locator("fieldset[data-step=\"k\"] .step-mark").getAttribute("data-verdict"));

            // the worked solution of the scores, from this learner's own Q
            section.locator("fieldset[data-step=\"scores\"] .work-button").click();
            Locator work = section.locator("fieldset[data-step=\"scores\"] .step-work");
            work.waitFor();
            assertTrue(work.innerText().contains("Starting from your own Q"), work.innerText());
            double s = p.head(typed.get(LayerStep.Q), 0).times(p.head(p.book().get(LayerStep.K).get(0), 0).transpose()).get(2, 0);
            assertEquals(text(s), work.locator("table tbody tr").nth(2).locator("td").first().innerText());
            section.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots",
                    "full-attention-carried-forward-1280.png")));
            assertEquals(List.of(), tab.errors(), "console errors");
            assertEquals(List.of(), tab.seriousAccessibilityViolationsScrolledThrough(), "axe-core with the marks shown");
        }
    }

    @Test
    void onAPhoneByKeyboardAlone() {
        LayerProblem p = problem();
        Map<LayerStep, List<Matrix>> book = p.book();
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            Locator section = open(page);
            section.locator("fieldset[data-step=\"q\"] .step-input").first().focus();
            Matrix q = book.get(LayerStep.Q).get(0);
            Matrix k = book.get(LayerStep.K).get(0);
            for (Matrix m : List.of(q, k)) {
                for (int r = 0; r < m.rows(); r++) {
                    for (int c = 0; c < m.cols(); c++) {
                        page.keyboard().type(text(m.get(r, c)));
                        page.keyboard().press("Tab");
                    }
                }
            }
            assertEquals("V = X·W_V, row 1, column 1", page.evaluate("document.activeElement.getAttribute('aria-label')"),
                    "Tab walks the grids in order, cell by cell");
            section.locator(".check-button").focus();
            page.keyboard().press("Enter");
            section.locator(".layer-summary").waitFor();
            assertEquals("Correct: 2 steps right outright, 0 correct given your earlier answers: all done.",
                    section.locator(".layer-summary").innerText());
            Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertEquals(0, overflow.intValue(), "nothing wider than the phone's screen");
            Object inputWidth = section.locator(".step-input").first().evaluate("e => e.getBoundingClientRect().width");
            assertTrue(((Number) inputWidth).doubleValue() >= 44, "cells big enough to tap: " + inputWidth);
            section.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots",
                    "full-attention-phone-390.png")));
            assertEquals(List.of(), tab.errors(), "console errors");
        }
    }
}
