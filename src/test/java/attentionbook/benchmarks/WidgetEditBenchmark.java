package attentionbook.benchmarks;

import attentionbook.RunningBook;
import attentionbook.browser.Browsers;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How long a widget takes from an edit to its updated numbers on the page, in real Chromium against
 * the real server: the time from setting an input's value (and its input event) to the moment the
 * widget has put the server's answer into the DOM (its data-revision changes). Not part of the
 * default run; see README.md in this folder for the command and the figures.
 */
class WidgetEditBenchmark {
    static final int WARM_UP = 10;
    static final int EDITS = 50;

    /** Each widget, and the input edited 50 times (the value changes each time). */
    static final Map<String, String> EDITED = Map.of(
            "qkv", "X row 2 column 1",
            "masking", "X row 3 column 2",
            "weighted-sum", "X row 1 column 3");

    @Test
    void medianTimeFromAnEditToTheUpdatedNumbers() throws URISyntaxException {
        Path pages = Path.of(WidgetEditBenchmark.class.getResource("/books/widgets").toURI());
        try (RunningBook book = RunningBook.start("--content", pages.toString(), "--rate-limit", "0")) {
            for (String widget : List.of("qkv", "masking", "weighted-sum")) {
                measure(book, widget, EDITED.get(widget));
            }
        }
    }

    private static double median(List<Double> sorted) {
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static void measure(RunningBook book, String widget, String label) {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            page.navigate(book.url("/chapters/try-" + widget));
            page.locator("[data-widget=\"" + widget + "\"] .widget-frame").waitFor();
            List<Double> times = new ArrayList<>();
            List<Double> requests = new ArrayList<>();
            for (int i = 0; i < WARM_UP + EDITS; i++) {
                String value = String.format(Locale.ROOT, "%.2f", 0.1 + (i % 17) * 0.05);
                double ms = ((Number) page.evaluate("async ([label, value]) => {"
                        + " const input = document.querySelector(`input[aria-label=\"${label}\"]`);"
                        + " const widget = input.closest('[data-widget]');"
                        + " const before = Number(widget.dataset.revision);"
                        + " const updated = new Promise((done) => { const watch = new MutationObserver(() => {"
                        + "   if (Number(widget.dataset.revision) > before) { watch.disconnect(); done(); } });"
                        + "   watch.observe(widget, { attributes: true, attributeFilter: ['data-revision'] }); });"
                        + " const t0 = performance.now();"
                        + " input.value = value; input.dispatchEvent(new Event('input', { bubbles: true }));"
                        + " await updated; return performance.now() - t0; }", List.of(label, value))).doubleValue();
                // the request's own share: from sending it to the last byte of the answer
                double request = ((Number) page.evaluate("() => { const r = performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/api/')); performance.clearResourceTimings();"
                        + " return r.length ? r[r.length - 1].responseEnd - r[r.length - 1].startTime : 0; }")).doubleValue();
                if (i >= WARM_UP) {
                    times.add(ms);
                    requests.add(request);
                }
            }
            assertEquals(List.of(), tab.errors());
            times.sort(Double::compare);
            requests.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%-13s edit → updated DOM over %d edits: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms"
                            + " (the request alone: median %.1f ms)%n",
                    widget, EDITS, median(times), times.get((int) Math.ceil(0.9 * EDITS) - 1), times.get(0), times.get(EDITS - 1),
                    median(requests));
        }
    }
}
