package attentionbook.browser;

import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.util.ArrayList;
import java.util.List;

/** One live widget on a page: its inputs by their labels, its matrices as the text of their cells. */
record LiveWidget(Page page, String selector) {
    static final String MASKED = "−∞minus infinity (masked)";

    /** The n-th widget (from 1) named name, once its script has drawn it. */
    static LiveWidget on(Page page, String name, int n) {
        String selector = "[data-widget=\"" + name + "\"] >> nth=" + (n - 1);
        page.locator(selector + " >> .widget-frame").waitFor();
        return new LiveWidget(page, selector);
    }

    static LiveWidget on(Page page, String name) {
        return on(page, name, 1);
    }

    Locator root() {
        return page.locator(selector);
    }

    int revision() {
        String r = root().getAttribute("data-revision");
        return r == null ? 0 : Integer.parseInt(r);
    }

    /** Runs an action that changes the widget, and waits until the widget has drawn the answer to it. */
    void change(Runnable action) {
        int before = revision();
        action.run();
        root().evaluate("(el, n) => new Promise((done, fail) => {"
                + " const t0 = Date.now(); const poll = () => Number(el.dataset.revision) > n ? done()"
                + " : Date.now() - t0 > 10000 ? fail(new Error('no new numbers')) : setTimeout(poll, 5); poll(); })", before);
    }

    /** Types a value into the input with this aria-label (or label), replacing what it held; opens the inputs' disclosure first. */
    void type(String label, String value) {
        Locator input = input(label);
        if (!input.isVisible() && root().locator("details.widget-inputs:not([open])").count() > 0) {
            root().locator("details.widget-inputs > summary").click();
        }
        change(() -> input.fill(value));
    }

    Locator input(String label) {
        return root().getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    /** Opens the explanation of a cell (rows and columns from 0) and returns its value line, or the problem it shows; closes it again. */
    String explanation(String matrix, int row, int col) {
        Locator cell = root().locator("[data-matrix=\"" + matrix + "\"] td[data-row=\"" + row + "\"][data-col=\"" + col + "\"]");
        if (cell.count() != 1) {
            throw new AssertionError(matrix + " has no cell [" + row + "][" + col + "]");
        }
        cell.click();
        Locator dialog = page.locator("dialog.explain-dialog[open]");
        dialog.locator(".explain-value, .widget-problem").first().waitFor();
        String text = dialog.locator(".explain-value").count() > 0 ? dialog.locator(".explain-value").textContent()
                : dialog.locator(".widget-problem").textContent();
        page.keyboard().press("Escape");
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        return text;
    }

    /** An explanation's value line for this number, as the page prints it (2 decimals). */
    static String valueLine(double v) {
        return "Value: " + MatrixTable.number(v, 2);
    }

    /** The cells of the matrix with this data-matrix key, as shown: rows of text. */
    @SuppressWarnings("unchecked")
    List<List<String>> matrix(String key) {
        return (List<List<String>>) root().locator("[data-matrix=\"" + key + "\"] tbody").evaluate(
                "tbody => [...tbody.rows].map(r => [...r.cells].slice(1).map(c => c.textContent))");
    }

    /** The text of every cell, as MatrixTable prints them: masked −∞ as the cell's two spans read. */
    static List<List<String>> shown(Matrix m, int digits) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < m.cols(); c++) {
                double x = m.get(r, c);
                row.add(x == Double.NEGATIVE_INFINITY ? MASKED : MatrixTable.number(x, digits));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> shown(Matrix m) {
        return shown(m, 2);
    }

    static List<List<String>> shownRow(double[] values, int digits) {
        return shown(Matrix.of(new double[][]{values}), digits);
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }
}
