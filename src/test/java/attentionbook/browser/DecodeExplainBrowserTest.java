package attentionbook.browser;

import attentionbook.RunningBook;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Decoding;
import attentionbook.attention.KvCacheDecoder;
import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import attentionbook.book.Presets;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decode widget's cells explain themselves like every other widget's: a click on a cached key, the
 * new query, a score, a weight or the output opens an explanation whose value is the core's number for
 * that cell, at the step shown, with the cache on and off.
 */
class DecodeExplainBrowserTest {
    static RunningBook book;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path pages = Path.of(DecodeExplainBrowserTest.class.getResource("/books/live").toURI());
        book = RunningBook.start("--content", pages.toString(), "--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void everyKindOfDecodeCellExplainsTheCoresNumber(int width) {
        Presets.Preset journey = Presets.get("journey");
        Matrix x = Matrix.of(journey.x());
        AttentionSpec spec = new AttentionSpec(Matrix.of(journey.wq()), Matrix.of(journey.wk()), Matrix.of(journey.wv()), null, 1, true, true);
        List<Decoding.Compared> steps = Decoding.compare(x, spec);
        KvCacheDecoder.Token third = steps.get(2).cached();
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-decode"));
            LiveWidget w = LiveWidget.on(tab.page(), "decode");
            w.change(() -> w.root().locator("[data-action=\"next\"]").click());
            assertEquals(value(third.q()[1]), explain(w, "q", 0, 1));
            assertEquals(value(x.times(spec.wk()).get(1, 2)), explain(w, "keys", 1, 2));
            assertEquals(value(x.times(spec.wv()).get(2, 0)), explain(w, "values", 2, 0));
            assertEquals(value(third.scaled()[0][2]), explain(w, "scores-h1", 0, 2));
            assertEquals(value(third.weights()[0][0]), explain(w, "weights-h1", 0, 0));
            assertEquals(value(third.output()[1]), explain(w, "output", 0, 1));

            w.change(() -> w.root().locator("[data-field=\"cache\"] input").uncheck());
            assertEquals(value(steps.get(0).cached().output()[0]), explain(w, "recomputed-all", 0, 0));
            assertEquals(value(steps.get(2).recomputed()[1]), explain(w, "recomputed-all", 2, 1));
            assertEquals(List.of(), tab.errors());
        }
    }

    private static String value(double v) {
        return "Value: " + MatrixTable.number(v, 2);
    }

    /** Opens the cell's explanation and returns its value line; the dialog is closed again. */
    private static String explain(LiveWidget w, String matrix, int row, int col) {
        Locator cell = w.root().locator("[data-matrix=\"" + matrix + "\"] td[data-row=\"" + row + "\"][data-col=\"" + col + "\"]");
        assertTrue(cell.count() == 1, matrix + " has no cell [" + row + "][" + col + "]");
        cell.click();
        Locator dialog = w.page().locator("dialog.explain-dialog[open]");
        dialog.locator(".explain-value, .widget-problem").first().waitFor();
        String text = dialog.locator(".explain-value").count() > 0 ? dialog.locator(".explain-value").textContent()
                : dialog.locator(".widget-problem").textContent();
        w.page().keyboard().press("Escape");
        dialog.waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        return text;
    }
}
