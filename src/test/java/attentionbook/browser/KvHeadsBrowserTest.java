package attentionbook.browser;

import static attentionbook.browser.LiveWidget.copy;
import static attentionbook.browser.LiveWidget.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.RunningBook;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Costs;
import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import com.microsoft.playwright.Locator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kv-heads widget in Chromium: the head-to-group mapping, each query head's weights and the concat
 * against the core's numbers for the same layer, before and after an edit and a change of g, with the
 * cache sentence, an explanation and the state in the address; on a phone and on a desktop.
 */
class KvHeadsBrowserTest {
    static RunningBook book;

    static final double[][] X = {{1, 0, 2, -1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 1, 1, 0}};
    static final double[][] WQ = {{1, 0, 0, 1, 1, 0, 0, 1}, {0, 1, 1, 0, 0, 1, 1, 0}, {1, 0, 0, 1, 0, 1, 1, 0}, {0, 1, 1, 0, 1, 0, 0, 1}};
    static final double[][] WK = {{1, 0, 0, 1, 1, 1, 0, 0}, {0, 1, 1, 0, 0, 0, 1, 1}, {1, 1, 0, 0, 1, 0, 0, 1}, {0, 0, 1, 1, 0, 1, 1, 0}};
    static final double[][] WV = {{1, 0, 0, 1, 1, 0, 0, 1}, {0, 1, 1, 0, 1, 1, 0, 0}, {1, 1, 0, 0, 0, 0, 1, 1}, {0, 0, 1, 1, 0, 1, 1, 0}};

    @BeforeAll
    static void start() throws URISyntaxException {
        Path pages = Path.of(KvHeadsBrowserTest.class.getResource("/books/widgets").toURI());
        book = RunningBook.start("--content", pages.toString(), "--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    /** The layer the widget should run: the first g blocks of W_K and W_V, causal, scaled. */
    static AttentionTrace core(double[][] x, int kvHeads) {
        Matrix wk = Matrix.of(WK).columns(0, 2 * kvHeads);
        Matrix wv = Matrix.of(WV).columns(0, 2 * kvHeads);
        return Attention.run(Matrix.of(x), new AttentionSpec(Matrix.of(WQ), wk, wv, null, 4, true, true, kvHeads, 0, false));
    }

    static String cacheSentence(int kvHeads) {
        long grouped = Costs.kvCacheValues(1, 1, 4, kvHeads, 2);
        long full = Costs.kvCacheValues(1, 1, 4, 4, 2);
        return "This layer caches K and V for its 4 tokens: 2 × 4 tokens × " + kvHeads
                + (kvHeads == 1 ? " key/value head" : " key/value heads") + " × d_k 2 = " + grouped + " numbers, where 4 heads of"
                + " their own would cache " + full + ": " + 4 / kvHeads + " times fewer (h / h_kv = 4 / " + kvHeads + ").";
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void groupsWeightsAndCacheFollowTheCoreBeforeAndAfterEdits(int width) {
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-kv-heads"));
            LiveWidget w = LiveWidget.on(tab.page(), "kv-heads");
            assertEquals(List.of("1", "2", "4"), w.root().locator("fieldset input[type=radio]").evaluateAll("rs => rs.map(r => r.value)"));
            assertTrue(w.input("2 (grouped-query)").isChecked());
            assertEquals(List.of(List.of("1", "0"), List.of("1", "0"), List.of("0", "1"), List.of("0", "1")), w.matrix("mapping"));
            AttentionTrace two = core(X, 2);
            for (int h = 0; h < 4; h++) {
                assertEquals(shown(two.heads().get(h).weights()), w.matrix("weights-h" + (h + 1)), "head " + (h + 1));
            }
            assertEquals(shown(two.k().columns(2, 4)), w.matrix("k-g2"));
            assertEquals(shown(two.concat()), w.matrix("concat"));
            assertEquals(cacheSentence(2), w.root().locator("p.kv-cache").innerText());
            assertEquals("Weights A (head 3, K/V 2) 4×4".toLowerCase(), w.root().locator("[data-matrix=\"weights-h3\"] caption").innerText().toLowerCase());
            tab.screenshot("kv-heads-" + width);

            w.change(() -> w.input("1 (multi-query)").check());
            AttentionTrace one = core(X, 1);
            assertEquals(List.of(List.of("1"), List.of("1"), List.of("1"), List.of("1")), w.matrix("mapping"));
            assertEquals(0, w.root().locator("[data-matrix=\"k-g2\"]").count(), "one key/value head: one K block");
            for (int h = 0; h < 4; h++) {
                assertEquals(shown(one.heads().get(h).weights()), w.matrix("weights-h" + (h + 1)), "head " + (h + 1));
            }
            assertEquals(cacheSentence(1), w.root().locator("p.kv-cache").innerText());
            assertTrue(w.root().locator("p.kv-cache-model").innerText().contains(
                    MatrixTable.number(Costs.kvCacheBytes(32, 1, 4096, 8, 128, 2) / (1024.0 * 1024), 0).replace("−", "") + " MiB"));

            w.type("X row 2 column 3", "5");
            double[][] x = copy(X);
            x[1][2] = 5;
            AttentionTrace edited = core(x, 1);
            for (int h = 0; h < 4; h++) {
                assertEquals(shown(edited.heads().get(h).weights()), w.matrix("weights-h" + (h + 1)), "after the edit, head " + (h + 1));
            }
            assertEquals(shown(edited.concat()), w.matrix("concat"));

            Locator cell = w.root().locator("[data-matrix=\"weights-h4\"] td[data-row=\"2\"][data-col=\"1\"]");
            cell.click();
            Locator dialog = tab.page().locator("dialog.explain-dialog[open]");
            dialog.locator(".explain-value").waitFor();
            assertEquals("Value: " + MatrixTable.number(edited.heads().get(3).weights().get(2, 1), 2), dialog.locator(".explain-value").textContent());
            tab.page().keyboard().press("Escape");

            tab.page().reload();
            LiveWidget again = LiveWidget.on(tab.page(), "kv-heads");
            again.root().locator("[data-matrix=\"weights-h4\"] tbody td").first().waitFor();
            assertTrue(again.input("1 (multi-query)").isChecked(), "the address keeps g");
            assertEquals(shown(edited.heads().get(3).weights()), again.matrix("weights-h4"), "and the edit");
            assertEquals(List.of(), tab.errors());
        }
    }
}
