package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.RunningBook;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page of the bundled book in a real Chromium, at a phone's size and a laptop's. */
class BookPagesBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    static List<String> pages() {
        List<String> paths = new ArrayList<>(List.of("/"));
        try (RunningBook running = RunningBook.start()) {
            Matcher m = Pattern.compile("href=\"(/chapters/[a-z0-9-]+)\"").matcher(running.get("/").body());
            while (m.find()) {
                if (!paths.contains(m.group(1))) {
                    paths.add(m.group(1));
                }
            }
        }
        return paths;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageRendersCleanlyOnPhoneAndDesktop(String path) {
        for (int[] size : new int[][]{{390, 844}, {1280, 800}}) {
            try (Browsers.Tab tab = Browsers.open(size[0], size[1])) {
                Page page = tab.page();
                page.navigate(book.url(path));
                Browsers.settle(page);
                String where = path + " at " + size[0] + "×" + size[1];
                assertEquals(List.of(), tab.errors(), "console errors on " + where);
                assertEquals(0, page.locator(".math-error").count(), "math that KaTeX could not typeset on " + where);
                assertEquals(1, page.locator("h1").count(), "one h1 on " + where);
                String text = page.locator("main").innerText();
                assertTrue(!text.contains("$$") && !Pattern.compile("\\$[A-Za-z\\\\]").matcher(text).find(),
                        "raw TeX left on " + where);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways on " + where + " by " + overflow + "px");
                assertEquals(List.of(), tab.seriousAccessibilityViolations(), "axe-core on " + where);
                String name = (path.equals("/") ? "index" : path.substring(path.lastIndexOf('/') + 1)) + "-" + size[0] + "x" + size[1];
                tab.screenshot(name);
            }
        }
    }

    @Test
    void mathIsTypesetByKatex() {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            tab.page().navigate(book.url("/chapters/input-shapes"));
            // formulas are typeset lazily (on screen first, the rest when the browser is idle): wait for a display one too
            tab.page().waitForSelector(".math[data-typeset] .katex");
            tab.page().waitForSelector(".math.display[data-typeset] .katex-display");
            assertTrue(tab.page().locator(".math .katex-mathml math").count() > 0, "MathML for screen readers");
            assertTrue(tab.page().locator(".math.display .katex-display").count() > 0, "display math typeset as a block");
        }
    }

    @Test
    void keyboardUserCanSkipToTheTextAndSeeFocus() {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/input-shapes"));
            page.keyboard().press("Tab");
            assertEquals("Skip to the text", page.evaluate("() => document.activeElement.textContent"));
            Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
            assertEquals("solid", outline, "focus is visible");
            page.keyboard().press("Enter");
            assertEquals("main", page.evaluate("() => document.activeElement.id"));
        }
    }

    @Test
    void onAPhoneTheChapterListOpensFromTheHeader() {
        try (Browsers.Tab tab = Browsers.open(360, 740)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/input-shapes"));
            assertTrue(!page.locator("#chapters").isVisible(), "the list starts closed");
            page.locator(".menu-button").click();
            assertTrue(page.locator("#chapters").isVisible(), "the list opens");
            assertEquals("true", page.locator(".menu-button").getAttribute("aria-expanded"));
            page.keyboard().press("Escape");
            assertTrue(!page.locator("#chapters").isVisible(), "Escape closes it");
            tab.screenshot("menu-closed-360");
        }
    }
}
