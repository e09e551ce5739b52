package attentionbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.BookServerExtension;
import attentionbook.attention.AttentionLayer;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Explanation;
import attentionbook.attention.LayerExplainer;
import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layer widget's cells outside attention explain themselves like the rest: a norm(X) cell, a
 * residual cell and, with rotary positions, a rotated q and k cell show the core's value and arithmetic.
 */
class LayerExplainBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/rope-layer"),
            "--rate-limit", "0");

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void normResidualAndRotatedCellsShowTheCoresArithmetic(int width) {
        Matrix x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
        AttentionSpec spec = new AttentionSpec(Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}}),
                Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}}), Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}}),
                null, 2, true, true, 1, 0, true);
        AttentionLayer.Trace trace = AttentionLayer.run(x, spec, true);
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-rope-layer"));
            LiveWidget w = LiveWidget.on(tab.page(), "layer");
            assertShows(w, "norm", 2, 0, LayerExplainer.norm(x, 2, 0));
            assertShows(w, "residual", 1, 3, LayerExplainer.residual(trace, 1, 3));
            Matrix q2 = trace.attention().q().columns(2, 4);
            assertShows(w, "q-rotated-h2", 3, 1, LayerExplainer.rotated("q", q2, 1, 3, 1));
            assertEquals(MatrixTable.number(trace.attention().heads().get(1).kRotated().get(2, 0), 2),
                    w.matrix("k-rotated-h2").get(2).get(0), "head 2 reads the one key/value head, rotated");
            w.type("X row 3 column 1", "3");
            x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {3, 1, 0, 1}, {1, 2, 1, 0}});
            assertShows(w, "norm", 2, 0, LayerExplainer.norm(x, 2, 0));
            assertShows(w, "residual", 2, 0, LayerExplainer.residual(AttentionLayer.run(x, spec, true), 2, 0));
            assertEquals(List.of(), tab.errors());
        }
    }

    /** Clicks the cell and checks the dialog's value (2 decimals, as the page shows) and its arithmetic line. */
    private static void assertShows(LiveWidget w, String matrix, int row, int col, Explanation expected) {
        Locator cell = w.root().locator("[data-matrix=\"" + matrix + "\"] td[data-row=\"" + row + "\"][data-col=\"" + col + "\"]");
        assertEquals(1, cell.count(), matrix + " has no cell [" + row + "][" + col + "]");
        cell.click();
        Locator dialog = w.page().locator("dialog.explain-dialog[open]");
        dialog.locator(".explain-value, .widget-problem").first().waitFor();
        assertEquals(0, dialog.locator(".widget-problem").count(), () -> dialog.textContent());
        assertEquals("Value: " + MatrixTable.number(expected.value(), 2), dialog.locator(".explain-value").textContent(), matrix);
        String text = dialog.textContent();
        assertTrue(text.contains(expected.arithmetic()), matrix + ": expected the arithmetic " + expected.arithmetic() + " in " + text);
        w.page().keyboard().press("Escape");
        dialog.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    }
}
