package attentionbook.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One real Chromium for the whole test run. Debian's Chromium by default ({@code CHROMIUM_PATH}
 * overrides it); where none is installed, Playwright's own browser, as on a developer's laptop.
 */
public final class Browsers {
    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync"));
            Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
            if (Files.isExecutable(chromium)) {
                options.setExecutablePath(chromium);
            }
            browser = playwright.chromium().launch(options);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /**
     * Waits until math is typeset, fonts are loaded and the page has laid itself out again; then renders
     * the whole page as a reader sees each part once scrolled to it. A chapter's blocks far from the
     * screen are not rendered (content-visibility: auto) and are fitted as they come near
     * (static/js/rendered.js): the page is read through a screen at a time, then every block is
     * rendered, so that what a test measures or reads (innerText, axe's colours) is what the reader sees.
     */
    public static void settle(Page page) {
        settleAtTheTop(page);
        page.evaluate("async () => { const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));"
                + " if (!document.querySelector('.chapter-body')) return;"
                + " const id = decodeURIComponent(location.hash.slice(1)); const target = id ? document.getElementById(id) : null; const y0 = scrollY;"
                + " for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) { scrollTo({top: y, behavior: 'instant'}); await frames(); }"
                + " document.querySelectorAll('.chapter-body > *').forEach(b => { b.style.contentVisibility = 'visible'; });"
                + " if (target) target.scrollIntoView({behavior: 'instant'}); else scrollTo({top: y0, behavior: 'instant'});"
                + " await frames(); }");
    }

    /**
     * Scrolls an element into view and waits two frames, so that its chapter block, not rendered while far
     * from the screen (content-visibility: auto), is rendered and its innerText is what a reader sees there.
     */
    public static void scrollTo(Locator element) {
        element.scrollIntoViewIfNeeded();
        element.page().evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /** Waits until math is typeset, fonts are loaded and the page has laid itself out again, as it stands after loading. */
    public static void settleAtTheTop(Page page) {
        page.waitForLoadState();
        page.waitForFunction("() => document.querySelectorAll('.math:not([data-typeset])').length === 0"
                + " && document.fonts.status === 'loaded'");
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    /** A fresh page of the given size that records console errors and uncaught exceptions. */
    public static Tab open(int width, int height) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page page = context.newPage();
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                errors.add(m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> errors.add("uncaught: " + e));
        page.onRequestFailed(r -> errors.add("request failed: " + r.url() + " " + r.failure()));
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().contains("/no-such-")) {
                errors.add("HTTP " + r.status() + " for " + r.url());
            }
        });
        return new Tab(context, page, errors);
    }

    /** A page and what went wrong on it. Close it to free the context. */
    public record Tab(BrowserContext context, Page page, List<String> errors) implements AutoCloseable {
        public void screenshot(String name) {
            Path file = Paths.get("target", "screenshots", name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        }

        /** What the window shows, without the rest of the page: for an open popup or a chosen tab. */
        public void viewportScreenshot(String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")));
        }

        /** axe-core's serious and critical violations, one line each. */
        public List<String> seriousAccessibilityViolations() {
            return seriousAccessibilityViolations(List.of());
        }

        /**
         * The same, after scrolling through the page as a reader would: blocks a test jumped over are laid
         * out and their scrollers marked, and none shifts under axe as it scrolls to measure contrast (on a
         * page jumped through, axe reported false contrast failures and unmarked scrollers).
         */
        public List<String> seriousAccessibilityViolationsScrolledThrough() {
            settle(page);
            return seriousAccessibilityViolations();
        }

        /** The same, within the elements these selectors match (axe is slow on a long page; a widget is enough). */
        public List<String> seriousAccessibilityViolations(List<String> within) {
            AxeBuilder axe = new AxeBuilder(page);
            within.forEach(axe::include);
            AxeResults results = axe.analyze();
            return results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .map(Browsers::describe)
                    .collect(Collectors.toList());
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + where;
    }
}
