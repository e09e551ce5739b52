package attentionbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.BookServerExtension;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import com.microsoft.playwright.Locator;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The multi-head, kv-heads and pipeline widgets with a chapter block carrying kv_heads, window and rope: the
 * reader sees the core's numbers, the rotated rows, the shared key/value head and the window's hidden cells.
 */
class ModernWidgetsBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/modern-widgets"),
            "--rate-limit", "0");

    private static final Matrix X = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
    private static final Matrix WQ = Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}});
    private static final Matrix WK = Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}});
    private static final Matrix WV = Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}});

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void theMultiHeadWidgetShowsSharedRotatedWindowedHeads(int width) {
        AttentionTrace trace = Attention.run(X, new AttentionSpec(WQ, WK, WV, Matrix.identity(4), 2, true, true, 1, 2, true));
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-modern-multi-head"));
            LiveWidget w = LiveWidget.on(tab.page(), "multi-head");
            assertTrue(caption(w, "k-h2").contains("K (head 2, K/V 1)"), caption(w, "k-h2"));
            assertEquals(LiveWidget.shown(trace.k()), w.matrix("k-h2"), "head 2 reads the one key/value head's K");
            assertEquals(LiveWidget.shown(trace.heads().get(1).qRotated()), w.matrix("q-rotated-h2"));
            assertEquals(LiveWidget.shown(trace.heads().get(0).kRotated()), w.matrix("k-rotated-h1"));
            assertEquals(LiveWidget.valueLine(trace.heads().get(1).qRotated().get(3, 1)), w.explanation("q-rotated-h2", 3, 1));
            assertEquals(MatrixTable.number(0.0, 2), w.matrix("weights-h1").get(2).get(0), "the window of 2 hides token 1 from token 3");
            assertTrue(w.root().locator("[data-group=\"weights\"] h3").textContent().contains("a window of 2"));
            assertEquals(LiveWidget.shown(trace.output()), w.matrix("output"));
            // W_K's width g·d_k fixes d_k and so h: the one head count offered is the block's own
            assertEquals(1, w.root().locator(".widget-controls input[type=\"radio\"]").count());
            assertTrue(w.root().locator(".multi-head-parameters").textContent().endsWith("= 48, with its 2 heads."),
                    w.root().locator(".multi-head-parameters").textContent());
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void theKvHeadsWidgetShowsEachGroupsRotatedKeysAndTheWindow(int width) {
        AttentionTrace trace = Attention.run(X, new AttentionSpec(WQ, WK, WV, null, 2, true, true, 1, 2, true));
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-modern-kv-heads"));
            LiveWidget w = LiveWidget.on(tab.page(), "kv-heads");
            assertEquals(LiveWidget.shown(trace.heads().get(0).kRotated()), w.matrix("k-rotated-g1"));
            assertEquals(LiveWidget.valueLine(trace.heads().get(0).kRotated().get(2, 0)), w.explanation("k-rotated-g1", 2, 0));
            assertEquals(LiveWidget.shown(trace.heads().get(1).weights()), w.matrix("weights-h2"));
            assertEquals(MatrixTable.number(0.0, 2), w.matrix("weights-h2").get(3).get(1), "the window of 2 hides token 2 from token 4");
            assertEquals(LiveWidget.shown(trace.concat()), w.matrix("concat"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void thePipelineScoresRotatedRowsAndMasksOutsideTheWindow(int width) {
        AttentionTrace trace = Attention.run(X, new AttentionSpec(WQ, Matrix.identity(4), Matrix.identity(4), null, 1, true, true, 1, 3, true));
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-modern-pipeline"));
            LiveWidget w = LiveWidget.on(tab.page(), "pipeline");
            Locator title = w.root().locator(".pipeline-title");
            assertEquals("Step 3 of 7: Score: every rotated query against every rotated key, Q_rot·K_rotᵀ", title.textContent());
            assertEquals(LiveWidget.shown(trace.heads().get(0).qRotated()), w.matrix("q-rotated"));
            assertEquals(LiveWidget.shown(trace.heads().get(0).scores()), w.matrix("scores"));
            assertTrue(w.root().locator("[data-matrix=\"scores\"] caption").textContent().startsWith("scores Q_rot·K_rotᵀ"));
            assertEquals(LiveWidget.valueLine(trace.heads().get(0).scores().get(3, 2)), w.explanation("scores", 3, 2));
            w.root().locator("[data-action=\"next\"]").click();
            w.root().locator("[data-action=\"next\"]").click();
            assertTrue(title.textContent().contains("lies 3 or more tokens back (window 3)"), title.textContent());
            w.root().locator("[data-matrix=\"masked\"]").waitFor();
            assertEquals(LiveWidget.MASKED, w.matrix("masked").get(3).get(0), "token 1 is 3 tokens back from token 4: outside the window");
            assertEquals(LiveWidget.shown(trace.heads().get(0).scaled()).get(3).get(1), w.matrix("masked").get(3).get(1));
            assertEquals(List.of(), tab.errors());
        }
    }

    private static String caption(LiveWidget w, String matrix) {
        return w.root().locator("[data-matrix=\"" + matrix + "\"] caption").first().textContent();
    }
}
