package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chapter that paints at once: its first screen does not move when the formulas are typeset, and
 * the blocks far below are rendered (laid out, fitted) only as they come near, yet whole on paper
 * and when they hold the focus.
 */
class ChapterPaintBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    /** Lighthouse's phone. */
    private static final int WIDTH = 412;
    private static final int HEIGHT = 823;

    /** Chapters whose first screen on a phone holds a "Previously defined" box of formulas. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attention-today", "input-shapes", "queries-keys-values", "kv-cache", "multi-head-attention"})
    void onAPhoneTypesettingTheFirstScreenMovesNothing(String chapter) {
        try (Browsers.Tab tab = Browsers.open(WIDTH, HEIGHT)) {
            Page page = tab.page();
            // KaTeX arrives late, as on a phone's network: the page is painted with the formulas' TeX first.
            page.route("**/katex.min.js", (Route route) -> {
                sleep(700);
                route.resume();
            });
            page.navigate(book.url("/chapters/" + chapter));
            Browsers.settleAtTheTop(page);
            // Every layout shift since the page opened (buffered); with none, the observer is never called.
            double shift = ((Number) page.evaluate("() => new Promise(done => { let sum = 0;"
                    + " new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })"
                    + ".observe({type: 'layout-shift', buffered: true}); setTimeout(() => done(sum), 300); })")).doubleValue();
            assertTrue(shift < 0.005, chapter + ": the page moved by " + shift + " (layout shift) while its formulas were typeset");
            assertEquals(0, ((Number) page.evaluate("() => document.querySelectorAll('.recap .math:not([data-typeset=\"true\"])').length")).intValue(),
                    "every recalled symbol is typeset");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void blocksFarBelowAreRenderedOnlyAsTheyComeNearAndFittedBeforeTheReaderSeesThem() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/multi-head-attention"));
            Browsers.settleAtTheTop(page);
            String last = "() => document.querySelector('.chapter-body > :last-child > *')";
            assertEquals(false, page.evaluate(last + ".checkVisibility({contentVisibilityAuto: true})"),
                    "the chapter's last block is not rendered while the reader is at the top");
            // The MultiHead equation, far below, is fitted as it comes near: once in view it is broken over lines, nothing cut off.
            String multiHead = "[...document.querySelectorAll('.math.display')].find(m => m.dataset.tex.startsWith('\\\\operatorname{MultiHead}'))";
            // The reader scrolls there and stays: the blocks passed over get their real heights as they are rendered.
            page.evaluate("async () => { for (let i = 0; i < 10; i++) { " + multiHead + ".scrollIntoView({block: 'center', behavior: 'instant'});"
                    + " await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))); } }");
            Map<?, ?> eq = (Map<?, ?>) page.evaluate("() => { const m = " + multiHead + ";"
                    + " return {broken: m.dataset.broken === 'true', hidden: m.scrollWidth - m.clientWidth, rendered: m.firstElementChild.checkVisibility({contentVisibilityAuto: true})}; }");
            assertEquals(Map.of("broken", true, "hidden", 0, "rendered", true), eq, "the MultiHead(X) equation on a phone, scrolled to");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void paperAndTheFocusGetWholeBlocks() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scaling"));
            Browsers.settleAtTheTop(page);
            String skipped = "() => [...document.querySelectorAll('.chapter-body > *')].filter(b => getComputedStyle(b).contentVisibility === 'auto'"
                    + " && b.firstElementChild && !b.firstElementChild.checkVisibility({contentVisibilityAuto: true})).length";
            assertTrue(((Number) page.evaluate(skipped)).intValue() > 5, "on screen, blocks far below are skipped");
            // A link in the last block, reached with the keyboard: its block is rendered whole, its focus ring not clipped.
            Object focused = page.evaluate("() => { const a = [...document.querySelectorAll('.chapter-body > * a[href]')].at(-1);"
                    + " a.focus(); return getComputedStyle(a.closest('.chapter-body > *')).contentVisibility; }");
            assertEquals("visible", focused, "the block holding the focus");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertEquals(0, ((Number) page.evaluate(skipped)).intValue(), "on paper every block is rendered");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        }
    }

    /** A link to a heading far down: the heading stays at the top of the window while the blocks above it are rendered. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multi-head-attention#interview-questions", "attention-today#try-it"})
    void aLinkToAHeadingFarDownShowsTheHeading(String address) {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/" + address));
            Browsers.settleAtTheTop(page);
            page.waitForTimeout(1000);
            String id = address.substring(address.indexOf('#') + 1);
            double top = ((Number) page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", id)).doubleValue();
            assertJustBelowTheHeader(page, top, "the heading #" + id);
            assertEquals(List.of(), tab.errors());
        }
    }

    /** A shared link holding a widget's state far down the chapter opens at that widget, started with the link's state. */
    @Test
    void aLinkHoldingAWidgetsStateOpensAtTheWidget() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/multi-head-attention"));
            String state = (String) page.evaluate("() => { const s = JSON.parse(document.querySelector('[data-widget=multi-head]').dataset.state);"
                    + " s.heads = 4; return encodeURIComponent(JSON.stringify(s)); }");
            page.navigate("about:blank");   // a fresh load, not a jump within the page
            page.navigate(book.url("/chapters/multi-head-attention#multi-head=" + state));
            page.waitForSelector("[data-widget=multi-head].widget-live [data-matrix=weights-h4] tbody");
            page.waitForTimeout(1000);
            double top = ((Number) page.evaluate("() => document.querySelector('[data-widget=multi-head]').getBoundingClientRect().top")).doubleValue();
            assertJustBelowTheHeader(page, top, "the widget");
            assertTrue(page.isChecked("[data-widget=multi-head] input[type=radio][value='4']"), "the link's 4 heads");
            assertEquals(List.of(), tab.errors());
        }
    }

    /** A fragment no link of ours writes (a stray %, which cannot be decoded) is passed over: the page still starts its parts. */
    @Test
    void aFragmentThatCannotBeDecodedLeavesThePageWorking() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scaling#100%"));
            Locator widget = page.locator("[data-widget=scaling]");
            Browsers.scrollTo(widget);
            page.waitForSelector("[data-widget=scaling].widget-live");
            assertEquals("", widget.locator(".widget-status").innerText(), "the widget shows the chapter's numbers without complaint");
            assertEquals(List.of(), tab.errors());
        }
    }

    /** A reader moving by keyboard gets every part at the first Tab: the widget far below starts before any scrolling reaches it. */
    @Test
    void theFirstTabStartsEveryPartSoTheKeyboardPassesNone() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/multi-head-attention"));
            Browsers.settleAtTheTop(page);
            Locator widget = page.locator("[data-widget=multi-head]");
            assertEquals(false, widget.evaluate("w => w.classList.contains('widget-live')"), "the widget, far below, has not started");
            page.keyboard().press("Tab");
            page.waitForSelector("[data-widget=multi-head].widget-live [data-matrix=weights-h2] tbody");
            page.waitForSelector("section[data-exercise-id=\"parameter-count\"] .exercise-seed");
            assertTrue(((Number) page.evaluate("() => scrollY")).doubleValue() < 844, "started without scrolling there");
            assertTrue(((Number) page.evaluate("() => document.querySelectorAll('[data-widget] .widget-frame input, [data-exercise] input').length")).intValue() > 10,
                    "the widget's and exercises' inputs are there for Tab to reach");
            assertEquals(List.of(), tab.errors());
        }
    }

    /** A target a link jumped to is shown whole: its top just below the sticky header (two rows high on a phone), not under it. */
    private static void assertJustBelowTheHeader(Page page, double top, String what) {
        double header = ((Number) page.evaluate("() => document.querySelector('.site-header').getBoundingClientRect().bottom")).doubleValue();
        assertTrue(top >= header - 1 && top < header + 40, what + " is " + top + " px from the window's top, the header ends at " + header);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aChaptersMathArrivesTypesetAndSizedEvenWithoutJavaScript() {
        try (BrowserContext context = Browsers.browser().newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false).setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(book.url("/chapters/scaling"));
            Map<?, ?> math = (Map<?, ?>) page.evaluate("() => { const all = [...document.querySelectorAll('.math')];"
                    + " const strut = document.querySelector('.math .katex-strut');"
                    + " const display = document.querySelector('.math.display');"
                    + " return {formulas: all.length, typeset: all.filter(m => m.dataset.typeset === 'true' && m.querySelector('.katex')).length,"
                    + " strutHeight: strut.getBoundingClientRect().height > 0,"
                    + " brokenFormKept: display.querySelector(':scope > template.math-broken').content.querySelector('.katex') !== null}; }");
            assertTrue(((Number) math.get("formulas")).intValue() > 20, "scaling holds formulas: " + math);
            // KaTeX's sizes come from the page stylesheet's classes: an inline style would be refused by the CSP, leaving struts 0 high
            assertEquals(Map.of("formulas", math.get("formulas"), "typeset", math.get("formulas"), "strutHeight", true, "brokenFormKept", true), math);
        }
    }

    @Test
    void aChapterWhoseMathIsAllTypesetNeverLoadsKatex() {
        try (Browsers.Tab tab = Browsers.open(WIDTH, HEIGHT)) {
            Page page = tab.page();
            List<String> requested = new java.util.ArrayList<>();
            page.onRequest(request -> requested.add(request.url()));
            // the notation table: formulas throughout, and no widget or exercise writing math of its own
            page.navigate(book.url("/chapters/notation"));
            Browsers.settle(page);
            assertTrue(((Number) page.evaluate("() => document.querySelectorAll('.math[data-typeset] .katex').length")).intValue() > 50);
            assertEquals(List.of(), requested.stream().filter(url -> url.contains("katex.min.js")).toList());
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void widgetsAndExercisesFarBelowStartOnlyWhenTheReaderComesNear() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            List<String> requested = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            page.onRequest(request -> requested.add(request.url()));
            page.navigate(book.url("/chapters/multi-head-attention"));
            Browsers.settleAtTheTop(page);
            Locator widget = page.locator("[data-widget=multi-head]");
            assertEquals(false, widget.evaluate("w => w.classList.contains('widget-live')"), "the widget, far below, has not started");
            assertEquals(List.of(), requested.stream().filter(url -> url.contains("widgets/multi-head.js") || url.contains("/api/")).toList(),
                    "nothing of the widget or the exercises was fetched before the reader came near");

            Browsers.scrollTo(widget);
            page.waitForSelector("[data-widget=multi-head].widget-live [data-matrix=weights-h2] tbody");
            assertTrue(requested.stream().anyMatch(url -> url.contains("widgets/multi-head.js")));

            Locator exercise = page.locator("section[data-exercise-id=\"parameter-count\"]");
            Browsers.scrollTo(exercise);
            exercise.locator(".exercise-prompt").first().waitFor();
            exercise.locator(".exercise-seed").first().waitFor();
            assertTrue(requested.stream().anyMatch(url -> url.contains("/api/exercises/parameter-count")), "the exercise fetched its numbers");
            assertEquals(List.of(), tab.errors());
        }
    }
}
