package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header's search box in Chromium: "/" to reach it, results as you type, keys to choose, Enter to go. */
class SearchBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    @Test
    void typeSeeResultsChooseWithArrowsAndEnterOpensTheSection() {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/scores"));
            Browsers.settle(page);
            page.keyboard().press("/");
            Locator box = page.locator("#site-search-q");
            assertTrue((Boolean) page.evaluate("() => document.activeElement.id === 'site-search-q'"), "/ focuses the search box");
            box.pressSequentially("kv cache", new Locator.PressSequentiallyOptions().setDelay(30));
            Locator options = page.locator("#site-search-results [role=option]");
            options.first().waitFor();
            assertEquals("true", box.getAttribute("aria-expanded"));
            assertTrue(options.first().innerText().startsWith("The KV cache"), options.first().innerText());
            assertTrue(options.first().locator("mark").first().innerText().equalsIgnoreCase("kv"), "the match is marked");
            assertEquals(List.of(), tab.seriousAccessibilityViolations(List.of(".site-header")), "axe-core on the open results");
            tab.viewportScreenshot("search-open-1280x800");

            box.press("ArrowDown");
            box.press("ArrowDown");
            assertEquals("site-search-option-1", box.getAttribute("aria-activedescendant"));
            assertEquals("true", options.nth(1).getAttribute("aria-selected"));
            box.press("ArrowUp");
            assertEquals("site-search-option-0", box.getAttribute("aria-activedescendant"));
            box.press("Enter");
            page.waitForURL("**/chapters/kv-cache");
            assertEquals("The KV cache", page.locator("h1").innerText());
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void enterWithoutAChoiceOpensTheResultsPageAndEscapeCloses() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/"));
            Browsers.settle(page);
            Locator box = page.locator("#site-search-q");
            box.click();
            box.pressSequentially("d_k", new Locator.PressSequentiallyOptions().setDelay(30));
            Locator options = page.locator("#site-search-results [role=option]");
            options.first().waitFor();
            assertTrue(options.first().innerText().contains("Symbol: d_k"), options.first().innerText());
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the open results scroll the phone's page sideways by " + overflow + "px");
            tab.viewportScreenshot("search-open-390x844");
            box.press("Escape");
            assertEquals("false", box.getAttribute("aria-expanded"));
            box.press("Enter");
            page.waitForURL("**/search?q=d_k");
            assertTrue(page.locator(".search-results li").first().innerText().contains("Symbol: d_k"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void slashTypedIntoAnotherFieldStaysThere() {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/search"));
            Browsers.settle(page);
            Locator field = page.locator("#search-page-q");
            field.click();
            page.keyboard().type("a/b");
            assertEquals("a/b", field.inputValue());
            assertEquals("", page.locator("#site-search-q").inputValue());
        }
    }
}
