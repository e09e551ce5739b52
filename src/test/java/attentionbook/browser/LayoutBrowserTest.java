package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the chapters fit a phone and a laptop: nothing cut off without a cue, math kept with its punctuation. */
class LayoutBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    static List<String> pages() {
        return BookPagesBrowserTest.pages().stream().filter(p -> !p.equals("/")).toList();
    }

    static String script(String name) {
        try (InputStream in = LayoutBrowserTest.class.getResourceAsStream("/browser/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, settled and read through (Browsers.settle renders every block as the reader sees it). */
    static Page open(Browsers.Tab tab, String path) {
        Page page = tab.page();
        page.navigate(book.url(path));
        Browsers.settle(page);
        return page;
    }

    /** Boxes that hide part of their content sideways (see clipped-boxes.js), with every answer and input list opened. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> clippedBoxes(Page page) {
        page.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })");
        Browsers.settle(page);
        return (List<Map<String, Object>>) page.evaluate(script("clipped-boxes.js"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void onAPhoneNothingIsCutOffWithoutACue(String path) {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            List<Map<String, Object>> boxes = clippedBoxes(open(tab, path));
            assertEquals(List.of(), boxes.stream().filter(b -> !Boolean.TRUE.equals(b.get("cued"))).toList(),
                    "boxes on " + path + " at 390 px that hide content with no cue");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void onTheDesktopNothingIsCutOff(String path) {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            assertEquals(List.of(), clippedBoxes(open(tab, path)), "boxes on " + path + " at 1280 px that hide content");
        }
    }

    @Test
    void onAPhoneTheWorkedExamplesGridsFit() {
        int grids = 0;
        List<String> scrolling = new ArrayList<>();
        for (String path : pages()) {
            try (Browsers.Tab tab = Browsers.open(390, 844)) {
                Page page = open(tab, path);
                @SuppressWarnings("unchecked")
                List<String> wide = (List<String>) page.evaluate("() => [...document.querySelectorAll('.worked-example .matrix')]"
                        + ".filter(m => m.scrollWidth > m.clientWidth).map(m => m.querySelector('caption').textContent)");
                grids += ((Number) page.evaluate("() => document.querySelectorAll('.worked-example .matrix').length")).intValue();
                wide.forEach(caption -> scrolling.add(path + ": " + caption));
            }
        }
        assertTrue(grids > 50, "the chapters' worked examples hold " + grids + " matrices");
        assertTrue(scrolling.size() * 20 <= grids, "at most one matrix in 20 scrolls on a phone; these do: " + scrolling);
    }

    @Test
    void theJourneyGridShowsItsLastColumnOnAPhone() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = open(tab, "/chapters/queries-keys-values");
            Object hidden = page.evaluate("() => [...document.querySelectorAll('.worked-example .matrix')]"
                    + ".filter(m => m.querySelector('caption').textContent.startsWith('scores'))"
                    + ".map(m => m.querySelector('thead th:last-child').getBoundingClientRect().right - m.getBoundingClientRect().right)");
            assertEquals(List.of(0, 0), ((List<?>) hidden).stream().map(x -> Math.max(0, (int) Math.ceil(((Number) x).doubleValue()))).toList(),
                    "how far the \"step\" column of each score grid sticks out of its box, in px");
        }
    }

    @Test
    void aScrollingBoxSaysSoUntilTheReaderReachesItsEnd() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = open(tab, "/chapters/multi-head-attention");
            String code = ".chapter-body pre:has(code.language-python)";
            assertEquals("start", page.locator(code).first().getAttribute("data-scroll"));
            assertEquals("\"scroll →\" / \"\"", cue(page, code, "content"));
            assertEquals("visible", cue(page, code, "visibility"));
            assertTrue(page.evaluate("s => getComputedStyle(document.querySelector(s)).maskImage", code).toString().contains("gradient"),
                    "the right edge fades");
            page.evaluate("s => { const el = document.querySelector(s); el.scrollLeft = el.scrollWidth; }", code);
            page.waitForFunction("s => document.querySelector(s).dataset.scroll === 'end'", code);
            assertEquals("hidden", cue(page, code, "visibility"), "no cue once the end is in view");
            page.evaluate("s => { document.querySelector(s).scrollLeft = 40; }", code);
            page.waitForFunction("s => document.querySelector(s).dataset.scroll === 'middle'", code);
            assertEquals("visible", cue(page, code, "visibility"), "the cue is back when there is more to see");
        }
    }

    private static String cue(Page page, String selector, String property) {
        return (String) page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s), '::before')[p]", List.of(selector, property));
    }

    @Test
    void wideEquationsBreakOnAPhoneAndStayWholeOnTheDesktop() {
        String multiHead = "[...document.querySelectorAll('.math.display')].find(m => m.dataset.tex.startsWith('\\\\operatorname{MultiHead}'))";
        for (int width : new int[]{390, 1280}) {
            try (Browsers.Tab tab = Browsers.open(width, 800)) {
                Page page = open(tab, "/chapters/multi-head-attention");
                Map<?, ?> eq = (Map<?, ?>) page.evaluate("() => { const m = " + multiHead + ";"
                        + " return {broken: m.dataset.broken === 'true', hidden: m.scrollWidth - m.clientWidth,"
                        + " lines: new Set([...m.querySelectorAll('.katex-html > .katex-base')].map(b => Math.round(b.getBoundingClientRect().top))).size}; }");
                assertEquals(0, ((Number) eq.get("hidden")).intValue(), "the MultiHead(X) equation is cut off at " + width + " px");
                if (width == 390) {
                    assertTrue(((Number) eq.get("lines")).intValue() > 1, "it breaks over lines on a phone: " + eq);
                } else {
                    assertEquals(false, eq.get("broken"), "it stays one display on the desktop");
                }
            }
        }
    }

    @Test
    void theOutlineIndentsSubsectionsUnderTheirSection() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = open(tab, "/chapters/queries-keys-values");
            double section = page.locator(".outline a[href='#the-math']").boundingBox().x;
            double subsection = page.locator(".outline a[href='#three-projections']").boundingBox().x;
            double next = page.locator(".outline a[href='#worked-example']").boundingBox().x;
            assertTrue(subsection >= section + 12, "\"Three projections\" (###) starts " + (subsection - section) + " px right of \"The math\" (##)");
            assertEquals(section, next, "sections line up with each other");
            assertEquals(1, page.locator(".outline li:has(> a[href='#the-math']) > ul > li > a[href='#three-projections']").count(),
                    "the sub-section's item is inside its section's item");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noPunctuationIsTornFromItsMath(String path) {
        for (int width : new int[]{390, 1280}) {
            try (Browsers.Tab tab = Browsers.open(width, 844)) {
                Page page = open(tab, path);
                assertEquals(List.of(), page.evaluate(script("orphaned-punctuation.js")),
                        "punctuation on its own at a line's edge on " + path + " at " + width + " px");
            }
        }
    }
}
