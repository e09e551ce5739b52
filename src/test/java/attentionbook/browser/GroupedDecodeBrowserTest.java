package attentionbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.BookServerExtension;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Costs;
import attentionbook.attention.KvCacheDecoder;
import attentionbook.attention.Matrix;
import attentionbook.book.MatrixTable;
import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decode widget with two query heads sharing one key/value head and a window of 2: the cache shows
 * g·d_k columns, the score outside the window is masked, every number is the core decoder's and the
 * byte counter counts the one key/value head.
 */
class GroupedDecodeBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/grouped-decode"),
            "--rate-limit", "0");

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void theGroupedWindowedStepShowsTheCoreDecodersNumbers(int width) {
        Matrix x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
        AttentionSpec spec = new AttentionSpec(Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}}),
                Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}}), Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}}),
                null, 2, true, true, 1, 2, false);
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        decoder.append(x.row(0));
        decoder.append(x.row(1));
        KvCacheDecoder.Token third = decoder.append(x.row(2));
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-grouped-decode"));
            LiveWidget w = LiveWidget.on(tab.page(), "decode");
            assertTrue(w.root().locator(".decode-step").textContent().contains("Row 1 of K and V is read from the cache as it was;"),
                    w.root().locator(".decode-step").textContent());
            w.change(() -> w.root().locator("[data-action=\"next\"]").click());
            List<List<String>> keys = w.matrix("keys");
            assertEquals(3, keys.size(), "three cached key rows at step 3");
            assertEquals(2, keys.get(0).size(), "one key/value head of d_k = 2: the cache is g·d_k = 2 wide, not h·d_k = 4");
            assertEquals(MatrixTable.number(decoder.keys().get(1, 1), 2), keys.get(2).get(1), "token 3 is the newest of the 2 rows cached");
            assertEquals(LiveWidget.MASKED, w.matrix("scores-h2").get(0).get(0), "token 1 is outside the window of 2");
            assertEquals("Value: −∞ (masked)", w.explanation("scores-h2", 0, 0));
            assertEquals(LiveWidget.valueLine(third.scaled()[1][2]), w.explanation("scores-h2", 0, 2));
            assertEquals(MatrixTable.number(0.0, 2), w.matrix("weights-h2").get(0).get(0));
            assertEquals(LiveWidget.valueLine(third.weights()[1][1]), w.explanation("weights-h2", 0, 1));
            assertEquals(LiveWidget.valueLine(third.output()[3]), w.explanation("output", 0, 3));
            String bytes = w.root().locator(".decode-bytes").textContent();
            long perLayer = Costs.kvCacheBytes(1, 1, 2, 1, 2, 2);   // the window of 2 keeps 2 of the 3 rows
            assertTrue(bytes.contains("KV cache after 3 tokens (a window of 2 keeps only the last 2 rows"), bytes);
            assertTrue(bytes.contains(String.format(Locale.ROOT, "%,d a layer (1 key/value head shared by 2 query heads of width 2)",
                    perLayer)), bytes);
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void twoStepsPastTheWindowTheEvictedRowsAreLabelledAndTheBytesAreTheDecodersOwn(int width) {
        Matrix x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
        AttentionSpec spec = new AttentionSpec(Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}}),
                Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}}), Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}}),
                null, 2, true, true, 1, 2, false);
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        for (int t = 1; t <= 4; t++) {
            decoder.append(x.row(t - 1));
        }
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-grouped-decode"));
            LiveWidget w = LiveWidget.on(tab.page(), "decode");
            w.change(() -> w.root().locator("[data-action=\"next\"]").click());
            w.change(() -> w.root().locator("[data-action=\"next\"]").click());
            for (String matrix : List.of("keys", "values")) {
                Locator rows = w.root().locator("[data-matrix=\"" + matrix + "\"] tbody tr");
                assertEquals(4, rows.count(), matrix + ": every row decoded so far is drawn");
                for (int r = 0; r < 4; r++) {
                    boolean evicted = r < 2;              // window 2 at token 4: tokens 1 and 2 left the rolling buffer
                    String label = rows.nth(r).locator("th").textContent();
                    assertEquals(List.of("a", "b", "c", "d").get(r) + (evicted ? " (evicted)" : ""), label, matrix + " row " + (r + 1));
                    assertEquals(evicted, rows.nth(r).getAttribute("class").contains("is-evicted"), matrix + " row " + (r + 1) + " struck");
                }
            }
            assertEquals(2, decoder.cachedRows());
            assertEquals(MatrixTable.number(decoder.keys().get(0, 0), 2), w.matrix("keys").get(2).get(0), "row 3 is the oldest kept");
            String step = w.root().locator(".decode-step").textContent();
            assertTrue(step.contains("Row 3 of K and V is read from the cache as it was; row 4 is computed now and appended. "
                    + "Rows 1–2 have left the cache (evicted): outside the window of 2, no later token reads them."), step);
            String bytes = w.root().locator(".decode-bytes").textContent();
            assertTrue(bytes.contains(String.format(Locale.ROOT, "(a window of 2 keeps only the last 2 rows: no later token reads "
                    + "further back) for this layer in float16: %,d bytes a head in a layer, %,d a layer", decoder.cacheBytes(2) / spec.kvHeads(),
                    decoder.cacheBytes(2))), bytes);
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void withRopeTheCacheHoldsKeysRotatedByTheirPositions(int width) {
        Matrix x = Matrix.of(new double[][]{{1, 0, 2, 1}, {0, 1, 1, 2}, {2, 1, 0, 1}, {1, 2, 1, 0}});
        AttentionSpec spec = new AttentionSpec(Matrix.of(new double[][]{{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}}),
                Matrix.of(new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 2}}), Matrix.of(new double[][]{{1, 0}, {0, 1}, {2, 1}, {0, 1}}),
                null, 2, true, true, 1, 0, true);
        KvCacheDecoder decoder = new KvCacheDecoder(spec);
        KvCacheDecoder.Token last = null;
        for (int t = 1; t <= 4; t++) {
            last = decoder.append(x.row(t - 1));
        }
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-rope-decode"));
            LiveWidget w = LiveWidget.on(tab.page(), "decode");
            // token 4 sits at position 3: its cached key is x·W_K turned by 3·θ, not x·W_K
            assertEquals(LiveWidget.valueLine(decoder.keys().get(3, 0)), w.explanation("keys", 3, 0));
            assertEquals(MatrixTable.number(decoder.keys().get(1, 1), 2), w.matrix("keys").get(1).get(1));
            assertEquals(LiveWidget.valueLine(last.scaled()[0][1]), w.explanation("scores-h1", 0, 1));
            assertEquals(LiveWidget.valueLine(last.output()[2]), w.explanation("output", 0, 2));
            assertEquals(List.of(), tab.errors());
        }
    }
}
