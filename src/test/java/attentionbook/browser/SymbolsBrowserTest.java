package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Symbols that explain themselves: the "Previously defined" box of the scaling chapter links each
 * symbol to the section of its first use, and a formula with d_k shows d_k's meaning on hover, on
 * keyboard focus and on a tap, and names it for screen readers.
 */
class SymbolsBrowserTest {
    private static final String D_K = "per-head query and key width";
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {390, 1280})
    void theRecapLinksEachSymbolToTheSectionThatDefinesIt(int width) {
        try (Browsers.Tab tab = Browsers.open(width, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scaling"));
            Browsers.settle(page);
            Locator recap = page.locator(".recap");
            assertEquals("Previously defined", recap.locator(".recap-title").innerText());
            Locator item = recap.locator(".recap-item").filter(new Locator.FilterOptions().setHasText(D_K));
            assertEquals(1, item.count(), "d_k is recalled once");
            item.locator(".katex").first().waitFor();   // typesetting is lazy: on-screen formulas come first, after the load
            assertTrue(item.locator(".katex").count() > 0, "the recalled symbol is typeset");
            Locator link = item.locator("a.recap-where");
            assertEquals("chapter 1, Why attention", link.textContent().strip().replaceAll("\\s+", " "), "the link's name");
            // On a phone the chapter's title is left to screen readers, so the recap stays a short paragraph.
            assertEquals(width < 600 ? "chapter 1" : "chapter 1, Why attention",
                    width < 600 ? link.innerText().split("\\s*,")[0].strip() : link.innerText().strip().replaceAll("\\s+", " "));
            assertEquals(width < 600, link.locator(".recap-chapter-title").boundingBox().width <= 1, "the title is hidden only on a phone");
            tab.screenshot("symbols-recap-" + width);

            link.click();
            page.waitForURL("**/chapters/why-attention#*");
            Browsers.settle(page);
            String section = page.url().substring(page.url().indexOf('#') + 1);
            // The first formula with d_k on the defining page lies in the linked section.
            Object inSection = page.evaluate("id => { const first = document.querySelector('.chapter-body [aria-describedby~=\"symbol-d-k\"]');"
                    + " let h = first; while (h && !(h.matches?.('h2, h3'))) { h = h.previousElementSibling || h.parentElement; }"
                    + " return h ? h.id : null; }", section);
            assertEquals(section, inSection, "the link goes to the section where d_k is first used");
            assertEquals(List.of(), tab.errors());
        }
    }

    /** The keyboard reaches each symbol's meaning once: a formula is a Tab stop only when it brings a symbol new to the page. */
    @Test
    void onlyAFormulaWithASymbolNewToThePageIsATabStop() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scaling"));
            Browsers.settle(page);
            List<?> counts = (List<?>) page.evaluate("() => { const all = [...document.querySelectorAll('.has-symbols[aria-describedby]')];"
                    + " const stops = all.filter((el) => el.tabIndex === 0);"
                    + " const symbols = new Set(all.flatMap((el) => el.getAttribute('aria-describedby').split(' ')));"
                    + " const reached = new Set(stops.flatMap((el) => el.getAttribute('aria-describedby').split(' ')));"
                    + " return [all.length, stops.length, symbols.size, reached.size]; }");
            int formulas = ((Number) counts.get(0)).intValue();
            int stops = ((Number) counts.get(1)).intValue();
            assertTrue(formulas > 40, formulas + " formulas with symbols");
            assertTrue(stops <= ((Number) counts.get(2)).intValue(), stops + " Tab stops for " + counts.get(2) + " symbols");
            assertEquals(counts.get(2), counts.get(3), "every symbol's meaning is one Tab stop away");
        }
    }

    /** The recap's ideas: glossary terms the chapter uses, each linked to the section an earlier chapter defines it in. */
    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {390, 1280})
    void theRecapLinksEachIdeaToItsDefinitionAndStaysShortOnAPhone(int width) {
        try (Browsers.Tab tab = Browsers.open(width, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/kv-cache"));
            Browsers.settle(page);
            Locator recap = page.locator(".recap");
            assertEquals("Ideas", recap.locator(".recap-ideas-title").innerText().strip());
            List<String> ideas = recap.locator(".recap-idea").allInnerTexts().stream()
                    .map(t -> t.replaceAll("\\s+", " ").replace(" ·", "").strip()).toList();
            assertTrue(ideas.contains("Causal mask (chapter 6)"), ideas.toString());
            assertTrue(ideas.contains("Query, key, value (chapter 3)"), ideas.toString());
            assertTrue(ideas.stream().noneMatch(i -> i.startsWith("KV cache")), "the KV cache chapter defines the KV cache itself: " + ideas);
            double height = recap.boundingBox().height;
            // On a phone the symbols flow as a paragraph: the box was about 1,300 px tall with one line a symbol.
            assertTrue(height < (width < 600 ? 650 : 700), "the recap is " + height + " px tall at " + width + " px");
            tab.screenshot("recap-ideas-" + width);
            recap.locator(".recap-idea a", new Locator.LocatorOptions().setHasText("Causal mask")).click();
            page.waitForURL("**/chapters/masking#the-mask-matrix");
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {390, 1280})
    void hoverAndFocusShowTheMeaning(int width) {
        try (Browsers.Tab tab = Browsers.open(width, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scaling"));
            Browsers.settle(page);
            Locator formula = page.locator(".chapter-body .has-symbols[aria-describedby='symbol-d-k']").first();
            assertEquals("d k: per-head query and key width, d model / h",
                    page.locator("#symbol-d-k").textContent().strip(), "what a screen reader is told");

            formula.scrollIntoViewIfNeeded();
            pointAt(page, formula);   // KaTeX's struts give the span odd quads, so aim at its box's centre as a reader would
            Locator tip = page.locator(".symbol-tip");
            tip.waitFor();
            assertTrue(tip.innerText().contains(D_K), "hover shows d_k's meaning: " + tip.innerText());
            assertTrue(tip.locator(".katex").count() >= 2, "the symbol and the math of its meaning are typeset");
            assertTrue(tip.locator("a.symbol-tip-link").getAttribute("href").endsWith("/chapters/notation#symbols"));
            assertInsideWindow(page, tip, width);
            tab.viewportScreenshot("symbols-hover-" + width);
            page.mouse().move(1, 1);
            assertEquals(0, tip.count(), "the tip closes when the pointer leaves");

            formula.focus();
            assertTrue(tip.isVisible(), "keyboard focus shows the tip");
            assertTrue(tip.innerText().contains(D_K));
            page.keyboard().press("Tab");
            assertEquals("symbol-tip-link", page.evaluate("() => document.activeElement.className"), "Tab reaches the tip's link");
            page.keyboard().press("Escape");
            assertEquals(0, tip.count(), "Escape closes the tip");
            assertEquals("symbol-d-k", page.evaluate("() => document.activeElement.getAttribute('aria-describedby')"),
                    "focus returns to the formula");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void aTapOnAPhoneShowsTheMeaning() {
        Browser.NewContextOptions phone = new Browser.NewContextOptions().setViewportSize(390, 844).setHasTouch(true).setIsMobile(true);
        try (BrowserContext context = Browsers.browser().newContext(phone)) {
            Page page = context.newPage();
            page.navigate(book.url("/chapters/multi-head-attention"));
            Browsers.settle(page);
            Locator formula = page.locator(".chapter-body .has-symbols[aria-describedby='symbol-h']").first();
            formula.scrollIntoViewIfNeeded();
            var box = formula.boundingBox();
            page.touchscreen().tap(box.x + box.width / 2, box.y + box.height / 2);
            Locator tip = page.locator(".symbol-tip");
            tip.waitFor();
            assertTrue(tip.innerText().contains("number of heads"), tip.innerText());
            assertInsideWindow(page, tip, 390);
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots", "symbols-tap-390.png")));
            var title = page.locator("h1").boundingBox();
            page.touchscreen().tap(title.x + 5, title.y + 5);
            assertEquals(0, tip.count(), "a tap elsewhere closes the tip");
        }
    }

    private static void pointAt(Page page, Locator formula) {
        var box = formula.boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
    }

    private static void assertInsideWindow(Page page, Locator tip, int width) {
        var box = tip.boundingBox();
        assertTrue(box.x >= 0 && box.x + box.width <= width, "the tip fits the window: " + box.x + " + " + box.width);
    }
}
