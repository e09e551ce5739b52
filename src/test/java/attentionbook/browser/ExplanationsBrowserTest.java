package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every widget, every matrix whose cells explain themselves, every kind of cell (the first, the last, a
 * masked one): the explanation opens on the cell's own value, as the cell shows it, its products add up
 * to that value, it names no head where there is only one, and it leaves the cell in sight.
 */
class ExplanationsBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/widgets"),
            "--rate-limit", "0");

    static Browsers.Tab open(String slug, int width) {
        Browsers.Tab tab = Browsers.open(width, 844);
        tab.page().navigate(book.url("/chapters/" + slug));
        return tab;
    }

    @Test
    void everyCellOfEveryWidgetExplainsItsOwnValue() {
        List<String> wrong = new ArrayList<>();
        int opened = 0;
        for (String name : List.of("softmax", "scaling", "qkv", "scores", "masking", "weighted-sum", "multi-head", "pipeline", "kv-heads")) {
            try (Browsers.Tab tab = open("try-" + name, 390)) {
                LiveWidget w = LiveWidget.on(tab.page(), name);
                if (name.equals("pipeline")) {
                    for (int step = 2; step <= 7; step++) {
                        w.root().getByText("Next").click();
                        opened += walk(w, name + " step " + step, wrong);
                    }
                } else {
                    opened += walk(w, name, wrong);
                }
                if (name.equals("softmax")) {
                    w.type("score 2", "-inf");
                    opened += walk(w, name + " with a score of −∞", wrong);
                }
                if (name.equals("weighted-sum")) {
                    w.change(() -> w.input("Set the weights yourself").check());
                    opened += walk(w, name + " with the reader's weights", wrong);
                }
                assertEquals(List.of(), tab.errors(), name);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(opened >= 90, "cells opened: " + opened);
    }

    @Test
    void onAWidePageTheExplanationLeavesItsMatricesInSight() {
        List<String> wrong = new ArrayList<>();
        try (Browsers.Tab tab = open("try-masking", 1280)) {
            walk(LiveWidget.on(tab.page(), "masking"), "masking at 1280 px", wrong);
            tab.screenshot("widget-explanation-docked-1280");
        }
        assertEquals(List.of(), wrong);
    }

    /** Opens the first, the last and the first masked cell of every explaining matrix of the widget; returns how many. */
    private static int walk(LiveWidget w, String where, List<String> wrong) {
        Page page = w.page();
        int opened = 0;
        List<String> keys = w.root().locator(".matrix-live").evaluateAll("ms => ms.map(m => m.dataset.matrix)")
                instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        assertTrue(!keys.isEmpty(), "no explaining matrix in " + where);
        for (String key : keys) {
            Locator cells = w.root().locator("[data-matrix=\"" + key + "\"] td[data-row]");
            List<Locator> picks = new ArrayList<>(List.of(cells.first(), cells.last()));
            Locator masked = w.root().locator("[data-matrix=\"" + key + "\"] td.masked");
            if (masked.count() > 0) {
                picks.add(masked.first());
            }
            for (Locator cell : picks) {
                String shown = cell.textContent();
                String at = where + ", " + key + " [" + cell.getAttribute("data-row") + "][" + cell.getAttribute("data-col") + "]";
                cell.click();
                Locator dialog = page.locator("dialog.explain-dialog[open]");
                dialog.locator(".explain-value, .widget-problem").first().waitFor();
                opened++;
                check(page, cell, dialog, shown, at, wrong);
                page.keyboard().press("Escape");
                page.locator("dialog.explain-dialog[open]").waitFor(new Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            }
        }
        return opened;
    }

    /** Matrices whose cells are made without a product: a mask added (masked), a division (the reader's weights, s/τ, q·k/√d_k). */
    private static final List<String> NO_PRODUCTS = List.of("masked", "weights-row", "divided", "row-scaled");

    @SuppressWarnings("unchecked")
    private static void check(Page page, Locator cell, Locator dialog, String shown, String at, List<String> wrong) {
        if (dialog.locator(".widget-problem").count() > 0) {
            wrong.add(at + ": " + dialog.locator(".widget-problem").textContent());
            return;
        }
        String value = dialog.locator(".explain-value").textContent().replaceFirst("^Value: ", "");
        boolean masked = shown.startsWith("−∞");
        if (masked ? !value.startsWith("−∞") : !value.equals(shown)) {
            wrong.add(at + ": the cell shows " + shown + " but its explanation says " + value);
        }
        String text = dialog.locator(".explain-body").innerText();
        if (text.contains("head 1") && dialog.locator(".explain-title").textContent().indexOf("head") < 0) {
            wrong.add(at + ": names a head in a widget with one: " + text);
        }
        Map<String, Object> sums = (Map<String, Object>) dialog.evaluate("d => {"
                + " const v = d.querySelector('.explain-value').dataset.value;"
                + " const terms = [...d.querySelectorAll('.explain-terms tbody tr')].map(r => Number(r.dataset.value));"
                + " const exp = d.querySelector('.explain-terms caption')?.textContent.includes('exp');"
                + " return { value: v, sum: terms.reduce((a, b) => a + b, 0), count: terms.length, exp: Boolean(exp) }; }");
        String key = at.replaceAll("^.*, (\\S+) \\[.*$", "$1");
        if (!masked && ((Number) sums.get("count")).intValue() == 0 && !NO_PRODUCTS.contains(key)) {
            wrong.add(at + ": no arithmetic behind the value, only a copy: " + text);
        }
        if (!masked && ((Number) sums.get("count")).intValue() > 0 && !Boolean.TRUE.equals(sums.get("exp"))) {
            double v = Double.parseDouble((String) sums.get("value"));
            double sum = ((Number) sums.get("sum")).doubleValue();
            if (Math.abs(sum - v) > 1e-9 * Math.max(1, Math.abs(v))) {
                wrong.add(at + ": the products add up to " + sum + " but the value is " + v);
            }
        }
        Object overlap = page.evaluate("([cell, dialog]) => { const a = cell.getBoundingClientRect(), b = dialog.getBoundingClientRect();"
                + " return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right; }",
                List.of(cell.elementHandle(), dialog.elementHandle()));
        if (Boolean.TRUE.equals(overlap)) {
            wrong.add(at + ": the explanation covers its cell");
        }
    }
}
