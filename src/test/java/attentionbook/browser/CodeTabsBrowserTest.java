package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A worked example's tabs (the math, NumPy, PyTorch) and the Copy button, by keyboard, in Chromium. */
class CodeTabsBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    @Test
    void arrowKeysMoveBetweenTheTabsAndCopyCopiesTheProgram() {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            tab.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = tab.page();
            page.navigate(book.url("/chapters/masking"));
            Browsers.settle(page);
            Locator box = page.locator(".example-tabs").first();
            Locator tabs = box.locator("[role=tab]");
            assertEquals(List.of("The math", "NumPy", "PyTorch"), tabs.allInnerTexts());
            assertEquals("true", tabs.nth(0).getAttribute("aria-selected"));
            assertTrue(box.locator(".worked-example").isVisible(), "the math shows first");

            tabs.nth(0).focus();
            page.keyboard().press("ArrowRight");
            assertEquals("true", tabs.nth(1).getAttribute("aria-selected"));
            assertEquals(tabs.nth(1).getAttribute("id"), page.evaluate("() => document.activeElement.id"));
            Locator numpy = box.locator("code[data-runs=numpy]");
            assertTrue(numpy.isVisible(), "the NumPy panel shows");
            assertTrue(!box.locator(".worked-example").isVisible(), "the math panel is hidden");
            assertTrue(numpy.innerText().startsWith("import numpy as np"), numpy.innerText());
            assertTrue(numpy.innerText().contains("causal = True"), "the masking chapter's example is causal");
            page.keyboard().press("End");
            assertEquals("true", tabs.nth(2).getAttribute("aria-selected"));
            assertTrue(box.locator("code[data-runs=pytorch]").innerText().startsWith("import torch"));
            page.keyboard().press("ArrowRight");
            assertEquals("true", tabs.nth(0).getAttribute("aria-selected"), "the tabs wrap around");
            page.keyboard().press("ArrowLeft");

            Locator copy = box.locator(".copy-button:visible");
            copy.focus();
            page.keyboard().press("Enter");
            page.waitForFunction("b => b.textContent === 'Copied'", copy.elementHandle());
            Object clipboard = page.evaluate("() => navigator.clipboard.readText()");
            assertEquals(box.locator("code[data-runs=pytorch]").textContent(), clipboard);
            assertEquals(List.of(), tab.seriousAccessibilityViolations(List.of(".example-tabs")), "axe-core on the tabs");
            assertEquals(List.of(), tab.errors());
            tab.viewportScreenshot("code-tabs-1280");
        }
    }

    @Test
    void everyCodeBlockHasACopyButtonOnAPhone() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/masking"));
            Browsers.settle(page);
            int blocks = page.locator("main pre > code").count();
            assertTrue(blocks > 2, "code blocks on the page: " + blocks);
            assertEquals(blocks, page.locator("main .code-tools + pre > code").count());
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways by " + overflow + "px");
            page.locator(".example-tabs [role=tab]").nth(1).first().click();
            page.locator(".example-tabs").first().scrollIntoViewIfNeeded();
            tab.viewportScreenshot("code-tabs-390");
            assertEquals(List.of(), tab.errors());
        }
    }
}
