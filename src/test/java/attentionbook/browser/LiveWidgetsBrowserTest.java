package attentionbook.browser;

import attentionbook.RunningBook;
import attentionbook.attention.AttentionLayer;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static attentionbook.browser.LiveWidget.copy;
import static attentionbook.browser.LiveWidget.shown;
import static attentionbook.browser.LiveWidget.shownRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widgets of the last chapters (layer, decode, …) in Chromium against the real server, at a phone's
 * and a desktop's width: the numbers shown before and after an edit are the core's, computed here from
 * the same inputs. Pages: src/test/resources/books/live.
 */
class LiveWidgetsBrowserTest {
    static RunningBook book;

    static final double[][] X = {{1, 0, 1, 0}, {0, 2, 0, 1}, {1, 1, 2, 0}};
    static final double[][] WQ = {{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}};
    static final double[][] WK = {{1, 0, 1, 0}, {0, 1, 0, 1}, {0, 1, 1, 0}, {1, 0, 0, 1}};
    static final double[][] WO = {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 0, 0, 0}, {0, 1, 0, 0}};

    @BeforeAll
    static void start() throws URISyntaxException {
        Path pages = Path.of(LiveWidgetsBrowserTest.class.getResource("/books/live").toURI());
        book = RunningBook.start("--content", pages.toString(), "--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    static Browsers.Tab open(String slug, int width) {
        Browsers.Tab tab = Browsers.open(width, 900);
        tab.page().navigate(book.url("/chapters/" + slug));
        return tab;
    }

    /** A chapter's title as the book the server loaded has it. */
    static String title(String slug) {
        if (bundled == null) {
            bundled = attentionbook.App.loadBundledBook();
        }
        return bundled.chapter(slug).orElseThrow().title();
    }

    private static attentionbook.book.Book bundled;

    private static AttentionLayer.Trace layer(double[][] x, int heads, boolean norm) {
        AttentionSpec spec = new AttentionSpec(Matrix.of(WQ), Matrix.of(WK), Matrix.identity(4), Matrix.of(WO), heads, true, true);
        return AttentionLayer.run(Matrix.of(x), spec, norm);
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void layerFollowsOneTokenFromXToTheResidual(int width) {
        try (Browsers.Tab tab = open("try-layer", width)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "layer");
            AttentionLayer.Trace t = layer(X, 2, false);
            assertEquals(shown(t.residual()), w.matrix("residual"));
            assertEquals(shown(t.attention().heads().get(1).weights()), w.matrix("weights-h2"));
            assertEquals(shown(t.attention().q().columns(2, 4)), w.matrix("q-h2"));
            assertEquals(List.of("Input", "Project", "Split into heads", "Scores", "Scale", "Mask", "Softmax", "Weighted sum",
                    "Concatenate", "Output projection", "Residual"), w.root().locator(".layer-title").allInnerTexts());
            assertEquals("scores", w.root().locator("[data-step=\"scores\"] .layer-formula a").getAttribute("href"));
            assertEquals("S = Q_n·K_nᵀ → 3×3 per head (2 heads) see " + title("scores"),
                    w.root().locator("[data-step=\"scores\"] .layer-formula").innerText());
            List<String> taught = List.of("input-shapes", "queries-keys-values", "multi-head-attention", "scores", "scaling", "masking",
                    "softmax", "weighted-sum", "multi-head-attention", "multi-head-attention", "the-full-picture");
            assertEquals(taught, w.root().locator(".layer-formula a").all().stream().map(a -> a.getAttribute("href")).toList());
            assertEquals(taught.stream().map(LiveWidgetsBrowserTest::title).toList(), w.root().locator(".layer-formula a").allInnerTexts());
            assertEquals(List.of("false", "false", "true"), followed(w, "residual"));
            assertEquals(List.of("false", "false", "true"), followed(w, "weights-h1"));

            w.change(() -> w.root().locator("select[data-field=\"token\"]").selectOption("1"));
            assertEquals(List.of("true", "false", "false"), followed(w, "masked-h2"));
            assertEquals("Following token 1 (cats): its row is outlined in every step.", w.root().locator(".layer-following").innerText());

            w.type("X row 3 column 1", "3");
            double[][] x = copy(X);
            x[2][0] = 3;
            AttentionLayer.Trace edited = layer(x, 2, false);
            assertEquals(shown(edited.residual()), w.matrix("residual"));
            assertEquals(shown(edited.attention().concat()), w.matrix("concat"));

            w.change(() -> w.root().locator("[data-field=\"norm\"] input").check());
            AttentionLayer.Trace normed = layer(x, 2, true);
            assertEquals(shown(normed.normed()), w.matrix("norm"));
            assertEquals(shown(normed.attention().k()), w.matrix("k"));
            assertEquals(shown(normed.residual()), w.matrix("residual"));
            assertEquals(0, w.root().locator("[data-step=\"norm\"] .layer-formula a").count(), "no chapter teaches the norm");
            assertEquals(title("masking"), w.root().locator("[data-step=\"masked\"] .layer-formula a").innerText());

            w.change(() -> w.root().locator("select[data-field=\"heads\"]").selectOption("1"));
            AttentionLayer.Trace one = layer(x, 1, true);
            assertEquals(0, w.root().locator("[data-matrix=\"weights-h2\"]").count());
            assertEquals(shown(one.attention().heads().get(0).weights()), w.matrix("weights-h1"));
            assertEquals(shown(one.residual()), w.matrix("residual"));
            page.waitForFunction("() => decodeURIComponent(location.hash).includes('\"heads\":1')");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/live-layer-" + width + ".png")));
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void decodeAppendsOneRowAStepAndMatchesTheRecomputedOutput(int width) {
        attentionbook.book.Presets.Preset journey = attentionbook.book.Presets.get("journey");
        AttentionSpec spec = new AttentionSpec(Matrix.of(journey.wq()), Matrix.of(journey.wk()), Matrix.of(journey.wv()), null, 1, true, true);
        List<attentionbook.attention.Decoding.Compared> steps = attentionbook.attention.Decoding.compare(Matrix.of(journey.x()), spec);
        try (Browsers.Tab tab = open("try-decode", width)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "decode");
            assertEquals(shownRow(steps.get(1).cached().output(), 2), w.matrix("output"));
            assertEquals(2, w.matrix("keys").size());
            w.change(() -> w.root().locator("[data-action=\"next\"]").click());
            attentionbook.attention.KvCacheDecoder.Token third = steps.get(2).cached();
            assertEquals(shownRow(third.output(), 2), w.matrix("output"));
            assertEquals(shownRow(third.weights()[0], 2), w.matrix("weights-h1"));
            assertEquals(shown(Matrix.of(journey.x()).times(spec.wk())).subList(0, 3), w.matrix("keys"));
            assertEquals(List.of("false", "false", "true"), rowClass(w, "keys", "is-new"));
            assertEquals(List.of("true", "true", "false"), rowClass(w, "keys", "is-reused"));
            long total = attentionbook.attention.Costs.kvCacheBytes(32, 1, 3, 32, 128, 2);
            assertEquals(true, w.root().locator(".decode-bytes").innerText().contains(String.format(java.util.Locale.US, "%,d in all (32 layers)", total)));

            w.change(() -> w.root().locator("[data-field=\"cache\"] input").uncheck());
            List<List<String>> recomputed = w.matrix("recomputed-all");
            assertEquals(3, recomputed.size());
            assertEquals(w.matrix("output").get(0), recomputed.get(2), "the cached output row equals the recomputed one");
            assertEquals(shownRow(steps.get(2).recomputed(), 2).get(0), recomputed.get(2));
            assertEquals("Recomputed without the cache, row 3 is the same output: the largest difference is 0.",
                    w.root().locator(".decode-compare").innerText());
            assertEquals(true, w.root().locator(".decode-madds").innerText().startsWith("Multiply-adds at this step: "
                    + third.multiplyAdds() + " with the cache, " + steps.get(2).recomputeMultiplyAdds() + " recomputing"));
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/live-decode-" + width + ".png")));
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void onlineSoftmaxShowsEachTilesStateAndEndsOnSoftmaxTimesV(int width) {
        try (Browsers.Tab tab = open("try-online-softmax", width)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "online-softmax");
            Matrix v = Matrix.of(new double[][]{{2}, {0}, {4}, {1}});
            assertEquals(tiles(attentionbook.attention.OnlineSoftmax.trace(new double[]{1, 3, 2, 5}, v, 2)), tileRows(w));
            w.change(() -> w.root().locator("input[data-field=\"tile\"]").fill("1"));
            attentionbook.attention.OnlineSoftmax.Trace ones = attentionbook.attention.OnlineSoftmax.trace(new double[]{1, 3, 2, 5}, v, 1);
            assertEquals(tiles(ones), tileRows(w));
            w.type("score 1", "6");
            attentionbook.attention.OnlineSoftmax.Trace six = attentionbook.attention.OnlineSoftmax.trace(new double[]{6, 3, 2, 5}, v, 1);
            assertEquals(tiles(six), tileRows(w));
            assertEquals("After the last tile o / ℓ = " + attentionbook.book.MatrixTable.number(six.output()[0], 4)
                    + "; softmax(s)·V computed in one go = " + attentionbook.book.MatrixTable.number(six.expected()[0], 4) + ".",
                    w.root().locator(".online-result").innerText());
            assertEquals(List.of(), tab.errors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void costCountsAWholeModelUpToAMillionTokens(int width) {
        try (Browsers.Tab tab = open("try-cost", width)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "cost");
            assertEquals(figures(131072, 4096, 32, 32, 2), shownFigures(w));
            assertEquals(List.of(), labelsCutOff(w), "every label of the plot is inside it");
            assertTrue(w.root().locator("svg.cost-plot text").allTextContents().contains("T = 131,072"));
            w.change(() -> w.root().locator("input[data-field=\"ctx\"]").fill("1048576"));
            assertEquals(figures(1048576, 4096, 32, 32, 2), shownFigures(w));
            assertEquals(List.of(), labelsCutOff(w), "the chosen T's label at the right edge is inside the plot");
            w.change(() -> w.root().locator("select[data-field=\"dtype\"]").selectOption("int8"));
            assertEquals(figures(1048576, 4096, 32, 32, 1), shownFigures(w));
            assertEquals(21, w.root().locator(".cost-points tbody tr").count(), "T = 1, 2, 4 … 2²⁰");
            assertEquals(2, w.root().locator("svg.cost-plot polyline").count());
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/live-cost-" + width + ".png")));
            assertEquals(List.of(), tab.errors());
        }
    }

    private static List<String> figures(long t, long d, long heads, long layers, long bytes) {
        long dk = d / heads;
        return java.util.stream.LongStream.of(
                        attentionbook.attention.Costs.projectionMultiplyAdds(t, d) * layers,
                        attentionbook.attention.Costs.attentionMultiplyAdds(1, heads, t, dk, dk) * layers,
                        attentionbook.attention.Costs.scoreGridBytes(1, heads, t, bytes),
                        attentionbook.attention.Costs.kvCacheBytes(layers, 1, t, heads, dk, bytes),
                        attentionbook.attention.Costs.attentionWeightsPerLayer(d) * layers * bytes)
                .mapToObj(n -> String.format(java.util.Locale.US, "%,d", n)).toList();
    }

    /** The plot's labels that reach past its edges (the SVG clips them), as "text: left–right of plot left–right". */
    @SuppressWarnings("unchecked")
    private static List<String> labelsCutOff(LiveWidget w) {
        return (List<String>) w.root().locator("svg.cost-plot").evaluate("(svg) => { const box = svg.getBoundingClientRect();"
                + " return [...svg.querySelectorAll('text')].filter((t) => { const r = t.getBoundingClientRect();"
                + " return r.left < box.left - 0.5 || r.right > box.right + 0.5; })"
                + ".map((t) => `${t.textContent}: ${t.getBoundingClientRect().left}–${t.getBoundingClientRect().right} of ${box.left}–${box.right}`); }");
    }

    private static List<String> shownFigures(LiveWidget w) {
        return w.root().locator(".cost-table td[data-figure]").allInnerTexts();
    }

    private static List<List<String>> tiles(attentionbook.attention.OnlineSoftmax.Trace trace) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (attentionbook.attention.OnlineSoftmax.TileStep s : trace.steps()) {
            rows.add(List.of((s.from() + 1) + "–" + s.to(), num(s.max()),
                    s.previousMax() == Double.NEGATIVE_INFINITY ? "—" : num(s.rescale()), num(s.sum()), num(s.partial()[0])));
        }
        return rows;
    }

    private static String num(double x) {
        return attentionbook.book.MatrixTable.number(x, 4);
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> tileRows(LiveWidget w) {
        return (List<List<String>>) w.root().locator(".online-steps tbody").evaluate(
                "tbody => [...tbody.rows].map(r => [...r.cells].slice(1).map(c => c.textContent))");
    }

    @SuppressWarnings("unchecked")
    private static List<String> rowClass(LiveWidget w, String key, String className) {
        return (List<String>) w.root().locator("[data-matrix=\"" + key + "\"] tbody").evaluate(
                "(tbody, name) => [...tbody.rows].map(r => String(r.classList.contains(name)))", className);
    }

    @SuppressWarnings("unchecked")
    private static List<String> followed(LiveWidget w, String key) {
        return (List<String>) w.root().locator("[data-matrix=\"" + key + "\"] tbody").evaluate(
                "tbody => [...tbody.rows].map(r => String(r.classList.contains('is-followed')))");
    }
}
