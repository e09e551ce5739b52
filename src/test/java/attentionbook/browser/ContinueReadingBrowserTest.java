package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Picking up where you left off: read a section, see "Continue" on the contents, return, forget. */
class ContinueReadingBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    @Test
    void theContentsOfferTheLastSectionAndTheChapterOffersToReturnToIt() {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/softmax#temperature"));
            Browsers.settle(page);
            page.mouse().wheel(0, 10);
            page.waitForFunction("() => (JSON.parse(localStorage.getItem('attentionbook.reading')) || {}).last?.id === 'temperature'");

            page.navigate(book.url("/"));
            Browsers.settle(page);
            Locator link = page.locator(".continue-link");
            assertEquals("Continue: chapter 7, section “Temperature”", link.innerText());
            assertEquals("/chapters/softmax#temperature", link.getAttribute("href"));

            page.navigate(book.url("/chapters/softmax"));
            Browsers.settle(page);
            Locator offer = page.locator(".continue-offer");
            assertTrue(offer.innerText().contains("Return to “Temperature”"), offer.innerText());
            offer.locator("a").click();
            page.waitForURL("**/chapters/softmax#temperature");

            // To the end, as a reader scrolls on while the blocks near the end are rendered and the page grows.
            page.waitForFunction("() => { scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'});"
                    + " return (JSON.parse(localStorage.getItem('attentionbook.reading')) || {}).read?.softmax === true; }",
                    null, new Page.WaitForFunctionOptions().setPollingInterval(300));
            page.navigate(book.url("/"));
            Browsers.settle(page);
            assertEquals(" · read", page.locator(".chapter-list li[data-slug=softmax] .read-mark").textContent());
            assertEquals(List.of(), tab.seriousAccessibilityViolations(List.of(".continue-box")));
            tab.viewportScreenshot("continue-1280");

            page.locator(".forget-progress").click();
            assertEquals(0, page.locator(".continue-link").count());
            assertEquals(0, page.locator(".read-mark").count());
            assertEquals("Your progress in this browser is forgotten.", page.locator(".continue-box [aria-live]").textContent());
            assertEquals(null, page.evaluate("() => localStorage.getItem('attentionbook.reading')"));
            page.reload();
            Browsers.settle(page);
            assertEquals(0, page.locator(".continue-box").count(), "nothing is offered once forgotten");
            assertEquals(List.of(), tab.errors());
        }
    }
}
