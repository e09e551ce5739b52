package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.DotProductStats;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import attentionbook.attention.ScalingExperiment;
import attentionbook.attention.Softmax;
import attentionbook.book.MatrixTable;
import attentionbook.book.Presets;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static attentionbook.browser.LiveWidget.copy;
import static attentionbook.browser.LiveWidget.shown;
import static attentionbook.browser.LiveWidget.shownRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every widget in a real Chromium against the real server: an input changes, and the numbers that
 * follow are compared with the core's, computed here from the same inputs. The pages are the test
 * book in src/test/resources/books/widgets, one widget a page, so the chapters can change freely.
 */
class WidgetsBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/widgets"),
            "--rate-limit", "0");
    static final Presets.Preset JOURNEY = Presets.get("journey");
    static final Presets.Preset HAND4 = Presets.get("hand4");

    static Browsers.Tab open(String slug, int width) {
        Browsers.Tab tab = Browsers.open(width, 900);
        tab.page().navigate(book.url("/chapters/" + slug));
        return tab;
    }

    private static AttentionTrace run(double[][] x, double[][] wq, double[][] wk, double[][] wv, double[][] wo, int heads, boolean causal) {
        return Attention.run(Matrix.of(x), new AttentionSpec(Matrix.of(wq), Matrix.of(wk), Matrix.of(wv),
                wo == null ? null : Matrix.of(wo), heads, causal, true));
    }

    @Test
    void qkvFollowsEditsThePresetAndOneSharedMatrix() {
        try (Browsers.Tab tab = open("try-qkv", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "qkv");
            w.type("X row 2 column 1", "1.5");
            w.type("Wq row 1 column 2", "0.5");
            double[][] x = copy(JOURNEY.x());
            x[1][0] = 1.5;
            double[][] wq = copy(JOURNEY.wq());
            wq[0][1] = 0.5;
            AttentionTrace t = run(x, wq, JOURNEY.wk(), JOURNEY.wv(), null, 1, false);
            assertEquals(shown(t.q()), w.matrix("q"));
            assertEquals(shown(t.k()), w.matrix("k"));
            assertEquals(shown(t.v()), w.matrix("v"));
            assertEquals(shown(t.heads().get(0).scores()), w.matrix("scores"));
            assertNotEquals(w.matrix("scores").get(0).get(1), w.matrix("scores").get(1).get(0), "separate Wq and Wk: not symmetric");

            w.change(() -> w.input("One matrix for all three (Wk = Wv = Wq)").check());
            AttentionTrace shared = run(x, wq, wq, wq, null, 1, false);
            List<List<String>> scores = w.matrix("scores");
            assertEquals(shown(shared.heads().get(0).scores()), scores);
            for (int i = 0; i < scores.size(); i++) {
                for (int j = 0; j < scores.size(); j++) {
                    assertEquals(scores.get(i).get(j), scores.get(j).get(i), "one matrix forces symmetric scores at " + i + "," + j);
                }
            }
            assertTrue(w.root().locator(".widget-note").innerText().contains("mirrors across its diagonal"));

            w.change(() -> w.root().locator("select").selectOption("hand4"));
            AttentionTrace hand = run(HAND4.x(), HAND4.wq(), HAND4.wq(), HAND4.wq(), null, 1, false);
            assertEquals(shown(hand.q()), w.matrix("q"));
            assertEquals(shown(hand.heads().get(0).scores()), w.matrix("scores"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void scoresShowTheTransposeAndHighlightTheRowAndColumnOfAPickedScore() {
        try (Browsers.Tab tab = open("try-scores", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "scores");
            w.type("X row 1 column 1", "3");
            double[][] x = copy(HAND4.x());
            x[0][0] = 3;
            AttentionTrace t = run(x, HAND4.wq(), HAND4.wk(), HAND4.wv(), null, 1, false);
            assertEquals(shown(t.q()), w.matrix("q"));
            assertEquals(shown(t.k().transpose()), w.matrix("kt"));
            assertEquals(shown(t.heads().get(0).scores()), w.matrix("scores"));

            w.root().locator("[data-matrix=\"scores\"] td[data-row=\"1\"][data-col=\"0\"]").focus();
            assertEquals(2, w.root().locator("[data-matrix=\"q\"] td.is-selected[data-row=\"1\"]").count(), "row 2 of Q");
            assertEquals(0, w.root().locator("[data-matrix=\"q\"] td.is-selected[data-row=\"0\"]").count());
            assertEquals(2, w.root().locator("[data-matrix=\"kt\"] td.is-selected[data-col=\"0\"]").count(), "column 1 of Kᵀ");
            tab.page().waitForFunction("() => decodeURIComponent(location.hash).includes('\"selected\":[2,1]')"); // part of the link
            assertTrue(w.root().locator(".widget-note").innerText().startsWith("Score row 2, column 1: row 2 of Q (x₂) times column 1 of Kᵀ (x₁)"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void scalingShowsTheCoresSeededSpreadAndBothSoftmaxRows() {
        try (Browsers.Tab tab = open("try-scaling", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "scaling");
            w.type("d_k, typed", "256");
            checkScaling(w, 256);
            w.change(() -> w.input("d_k").press("ArrowRight"));
            checkScaling(w, 512);
            assertEquals("d_k = 512", w.input("d_k").getAttribute("aria-valuetext"));
            assertEquals(List.of(), tab.errors());
        }
    }

    private static void checkScaling(LiveWidget w, int dk) {
        DotProductStats stats = ScalingExperiment.sample(dk, 400, 3);
        assertEquals(List.of("q·k", MatrixTable.number(stats.raw().mean(), 2), MatrixTable.number(stats.raw().standardDeviation(), 2)),
                w.root().locator("tr[data-line=\"raw\"] > *").allTextContents());
        assertEquals(List.of("q·k / √d_k", MatrixTable.number(stats.scaled().mean(), 2), MatrixTable.number(stats.scaled().standardDeviation(), 2)),
                w.root().locator("tr[data-line=\"scaled\"] > *").allTextContents());
        double[] row = Arrays.copyOf(ScalingExperiment.dotProducts(dk, 400, 3), 6);
        double[] scaled = new double[6];
        for (int j = 0; j < 6; j++) {
            scaled[j] = row[j] * Attention.scaleFactor(dk);
        }
        assertEquals(shownRow(row, 2), w.matrix("row-raw"));
        assertEquals(shownRow(Softmax.stable(row), 2), w.matrix("weights-raw"));
        assertEquals(shownRow(scaled, 2), w.matrix("row-scaled"));
        assertEquals(shownRow(Softmax.stable(scaled), 2), w.matrix("weights-scaled"));
    }

    @Test
    void maskingHidesTheFutureAsMinusInfinityAndZeroWeights() {
        try (Browsers.Tab tab = open("try-masking", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "masking");
            w.type("X row 4 column 3", "-2");
            double[][] x = copy(JOURNEY.x());
            x[3][2] = -2;
            HeadTrace causal = run(x, JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, true).heads().get(0);
            List<List<String>> masked = w.matrix("masked");
            assertEquals(shown(causal.masked()), masked);
            assertEquals(LiveWidget.MASKED, masked.get(0).get(1), "row 1 does not see token 2");
            assertEquals(15, w.root().locator("[data-matrix=\"masked\"] td.masked").count(), "6·5/2 cells above the diagonal");
            assertEquals(shown(causal.weights()), w.matrix("weights"));
            assertEquals("0.00", w.matrix("weights").get(2).get(5));

            w.change(() -> w.input("Causal mask: each token sees only itself and earlier tokens").uncheck());
            HeadTrace open = run(x, JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, false).heads().get(0);
            assertEquals(0, w.root().locator("td.masked").count());
            assertEquals(shown(open.weights()), w.matrix("weights"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void softmaxShowsStableProbabilitiesAndTheNaiveOverflowBesideThem() {
        try (Browsers.Tab tab = open("try-softmax", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "softmax");
            w.type("score 2", "3");
            w.type("Temperature τ, typed", "2");
            double[] scores = {2, 3, 0.1};
            double[] p = Softmax.stable(scores, 2);
            List<String> bars = new ArrayList<>();
            for (double value : p) {
                bars.add(MatrixTable.number(value, 3));
            }
            assertEquals(bars, w.root().locator(".bar-value").allTextContents());
            assertEquals(String.valueOf(p[1]), w.root().locator("meter >> nth=1").evaluate("m => String(m.value)"));

            w.type("Temperature τ, typed", "1");
            w.change(() -> w.root().getByText("Large scores").click());
            double[] large = {1000, 999, 998};
            assertEquals(texts(Softmax.stable(large)), cells(w, "stable-weight"));
            assertEquals(naive(Softmax.naiveTerms(large)), cells(w, "naive-exp"));
            assertEquals(naive(Softmax.naive(large)), cells(w, "naive-weight"));
            assertEquals(List.of("overflow", "overflow", "overflow"), cells(w, "naive-exp"), "exp(1000) is beyond a double");
            assertTrue(w.root().locator(".widget-problem").innerText().startsWith("exp overflows for entries 1, 2 and 3"));
            assertEquals(List.of(), tab.errors());
        }
    }

    private static List<String> cells(LiveWidget w, String line) {
        return w.root().locator("tr[data-line=\"" + line + "\"] td").allTextContents();
    }

    private static List<String> texts(double[] values) {
        return Arrays.stream(values).mapToObj(v -> MatrixTable.number(v, 3)).toList();
    }

    private static List<String> naive(double[] values) {
        return Arrays.stream(values).mapToObj(v -> Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? "overflow" : MatrixTable.number(v, 3)).toList();
    }

    @Test
    void weightedSumScalesEachValueByItsWeightAndAddsThem() {
        try (Browsers.Tab tab = open("try-weighted-sum", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "weighted-sum");
            w.change(() -> w.input("4: with").check());
            checkWeightedSum(w, 3, false);
            w.change(() -> w.input("Causal mask").check());
            checkWeightedSum(w, 3, true);
            assertEquals("0.00", w.matrix("weights-row").get(5).get(0), "token 6 is hidden from token 4");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void weightedSumTakesTheReadersOwnWeightsDividedByTheirSum() {
        try (Browsers.Tab tab = open("try-weighted-sum", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "weighted-sum");
            w.change(() -> w.input("Set the weights yourself").check());
            AttentionTrace t = run(JOURNEY.x(), JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, false);
            assertEquals(shown(Matrix.of(new double[][]{{t.heads().get(0).weights().get(1, 2)}})).get(0).get(0),
                    w.input("your weight for starts").inputValue().substring(0, 4), "the reader starts from attention's weights");
            w.type("your weight for starts", "1");
            for (String token : List.of("Your", "journey", "with", "one", "step")) {
                w.type("your weight for " + token, "0");
            }
            assertEquals(shown(Matrix.of(new double[][]{{0}, {0}, {1}, {0}, {0}, {0}})), w.matrix("weights-row"));
            assertEquals(shownRow(t.v().row(2), 2), w.matrix("output-row"), "all the weight on one token: its value row, exactly");

            for (String token : JOURNEY.tokens()) {
                w.type("your weight for " + token, "1");
            }
            double[] uniform = new double[6];
            Arrays.fill(uniform, 1.0 / 6);
            assertEquals(shownRow(Matrix.of(new double[][]{uniform}).times(t.v()).row(0), 2), w.matrix("output-row"), "uniform: the column means");
            w.change(() -> w.input("Set the weights yourself").uncheck());
            checkWeightedSum(w, 1, false);
            assertEquals(List.of(), tab.errors());
        }
    }

    private static void checkWeightedSum(LiveWidget w, int query, boolean causal) {
        AttentionTrace t = run(JOURNEY.x(), JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, causal);
        Matrix weights = t.heads().get(0).weights();
        double[][] column = new double[6][1];
        double[][] scaled = new double[6][3];
        for (int j = 0; j < 6; j++) {
            column[j][0] = weights.get(query, j);
            for (int c = 0; c < 3; c++) {
                scaled[j][c] = weights.get(query, j) * t.v().get(j, c);
            }
        }
        assertEquals(shown(Matrix.of(column)), w.matrix("weights-row"));
        assertEquals(shown(t.v()), w.matrix("v"));
        assertEquals(shown(Matrix.of(scaled)), w.matrix("scaled-values"));
        assertEquals(shownRow(t.heads().get(0).output().row(query), 2), w.matrix("output-row"));
    }

    @Test
    void multiHeadSplitsTheColumnsAmongTheChosenHeads() {
        double[][] x = {{1, 0, 2, -1}, {0, 1, 1, 2}, {2, 1, 0, 1}};
        double[][] id = Matrix.identity(4).toArray();
        double[][] wk = {{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}};
        try (Browsers.Tab tab = open("try-multi-head", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "multi-head");
            assertEquals(List.of("1", "2", "4"), w.root().locator("fieldset input[type=radio]").evaluateAll("rs => rs.map(r => r.value)"));
            int each = 4 * 4;
            assertEquals("Parameters in Wq, Wk, Wv and Wo: " + each + " + " + each + " + " + each + " + " + each + " = " + 4 * each
                    + ", with 1, 2 or 4 heads alike.", w.root().locator(".multi-head-parameters").innerText());
            w.change(() -> w.input("4").check());
            AttentionTrace four = run(x, id, wk, id, id, 4, false);
            assertEquals(4, w.root().locator("[data-matrix^=\"weights-h\"]").count());
            for (int h = 0; h < 4; h++) {
                assertEquals(shown(four.heads().get(h).weights()), w.matrix("weights-h" + (h + 1)), "head " + (h + 1));
                assertEquals(shown(four.q().columns(h, h + 1)), w.matrix("q-h" + (h + 1)));
            }
            assertEquals(shown(four.output()), w.matrix("output"));

            w.type("X row 2 column 3", "5");
            x[1][2] = 5;
            AttentionTrace after = run(x, id, wk, id, id, 4, false);
            assertEquals(shown(after.concat()), w.matrix("concat"));
            w.change(() -> w.input("1").check());
            AttentionTrace one = run(x, id, wk, id, id, 1, false);
            assertEquals(1, w.root().locator("[data-matrix^=\"weights-h\"]").count());
            assertEquals(shown(one.heads().get(0).weights()), w.matrix("weights-h1"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void pipelineWalksEveryStepWithShapesInTheCaptions() {
        try (Browsers.Tab tab = open("try-pipeline", 1280)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "pipeline");
            Locator previous = w.root().getByText("Previous");
            Locator next = w.root().getByText("Next");
            assertTrue(previous.isDisabled());
            w.type("X row 1 column 1", "2");
            double[][] x = copy(JOURNEY.x());
            x[0][0] = 2;
            AttentionTrace t = run(x, JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, true);
            next.click();
            assertEquals(shown(t.q()), w.matrix("q"));
            assertEquals("Q = X·Wq 6×3", w.root().locator("[data-matrix=\"q\"] caption").innerText());
            for (int i = 0; i < 4; i++) {
                next.click();
            }
            assertTrue(w.root().locator(".pipeline-title").innerText().startsWith("Step 6 of 7"));
            assertEquals(shown(t.heads().get(0).masked()), w.matrix("masked"));
            assertEquals(shown(t.heads().get(0).weights()), w.matrix("weights"));
            next.click();
            assertEquals(shown(t.output()), w.matrix("output"));
            assertEquals("output = A·V 6×3", w.root().locator("[data-matrix=\"output\"] caption").innerText());
            assertTrue(next.isDisabled());
            page.waitForFunction("() => decodeURIComponent(location.hash).includes('\"step\":7')");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void shapesExplainHeadsThatDoNotDivide() {
        try (Browsers.Tab tab = open("try-shapes", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "shapes");
            w.type("heads h", "5");
            assertTrue(w.root().locator(".widget-problem").innerText().startsWith("5 heads cannot split d_model = 12 into equal blocks: 12 / 5 = 2.4"),
                    w.root().locator(".widget-problem").innerText());
            assertEquals(0, w.root().locator("[data-stage=\"scores\"]").count(), "no scores when the heads cannot split");
            w.type("heads h", "4");
            w.type("ctx T", "7");
            Locator scores = w.root().locator("[data-stage=\"scores\"]");
            assertEquals("[2, 4, 7, 3]·[2, 4, 3, 7] = [2, 4, 7, 7]", scores.locator(".shape-dims").innerText());
            assertEquals((2 * 4 * 7 * 7) + " numbers", scores.locator(".shape-count").innerText());
            assertEquals(0, w.root().locator(".widget-problem").count());
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void anExplanationShowsTheCellsValueAndTermsThatAddUpToIt() {
        try (Browsers.Tab tab = open("try-masking", 1280)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "masking");
            HeadTrace head = run(JOURNEY.x(), JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, true).heads().get(0);

            w.root().locator("[data-matrix=\"scaled\"] td[data-row=\"2\"][data-col=\"1\"]").click();
            Locator dialog = page.locator("dialog.explain-dialog[open]");
            dialog.locator(".explain-value").waitFor();
            assertEquals(head.scaled().get(2, 1), Double.parseDouble(dialog.locator(".explain-value").getAttribute("data-value")));
            double sum = 0.0;
            for (double term : termValues(dialog)) {
                sum += term;
            }
            assertEquals(head.scaled().get(2, 1), sum, 0.0, "the terms add up to the cell");
            assertEquals(List.of(), tab.seriousAccessibilityViolations(List.of("dialog")), "axe with the explanation open");
            tab.screenshot("widget-explanation-1280");
            page.keyboard().press("Escape");
            assertEquals(0, page.locator("dialog.explain-dialog[open]").count());

            w.root().locator("[data-matrix=\"masked\"] td[data-row=\"0\"][data-col=\"3\"]").click();
            dialog.locator(".explain-note").waitFor();
            assertEquals("masked", dialog.locator(".explain-value").getAttribute("data-value"));
            assertTrue(dialog.locator(".explain-note").innerText().contains("hidden"), dialog.locator(".explain-note").innerText());
            dialog.getByText("Close").click();

            w.root().locator("[data-matrix=\"weights\"] td[data-row=\"3\"][data-col=\"1\"]").click();
            dialog.locator(".explain-terms").waitFor();
            List<Double> terms = termValues(dialog);
            assertEquals(4, terms.size(), "row 4 sees tokens 1 to 4");
            double total = 0.0;
            for (double term : terms) {
                total += term;
            }
            assertEquals(head.weights().get(3, 1), terms.get(1) / total, 0.0, "a weight is its exp term over the sum of the row's terms");
            assertEquals(List.of(), tab.errors());
        }
    }

    /** The exact value of each term, as the explain API sent it (the table shows them rounded). */
    @SuppressWarnings("unchecked")
    private static List<Double> termValues(Locator dialog) {
        List<String> values = (List<String>) dialog.locator(".explain-terms tbody tr").evaluateAll("rows => rows.map(r => r.dataset.value)");
        return values.stream().map(Double::parseDouble).toList();
    }

    @Test
    void aKeyboardAloneCanEditACellAndOpenAnExplanation() {
        try (Browsers.Tab tab = open("try-qkv", 1280)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "qkv");
            tabUntil(page, "document.activeElement.getAttribute('aria-label') === 'X row 1 column 1'");
            w.change(() -> {
                page.keyboard().press("Control+A");
                page.keyboard().type("2");
            });
            tabUntil(page, "document.activeElement.closest('[data-matrix=\"scores\"]') !== null");
            assertEquals("0", page.evaluate("() => document.activeElement.dataset.row"));
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            Locator dialog = page.locator("dialog.explain-dialog[open]");
            dialog.locator(".explain-value").waitFor();
            assertEquals(Boolean.TRUE, page.evaluate("() => document.querySelector('dialog[open]').contains(document.activeElement)"),
                    "focus moves into the explanation");
            double[][] x = copy(JOURNEY.x());
            x[0][0] = 2;
            double expected = run(x, JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, false).heads().get(0).scores().get(1, 0);
            assertEquals(expected, Double.parseDouble(dialog.locator(".explain-value").getAttribute("data-value")));
            page.keyboard().press("Escape");
            assertEquals(0, page.locator("dialog[open]").count());
            assertEquals(List.of("1", "0"), List.of(page.evaluate("() => document.activeElement.dataset.row"),
                    page.evaluate("() => document.activeElement.dataset.col")), "focus returns to the cell");
            assertEquals(List.of(), tab.errors());
        }
    }

    private static void tabUntil(Page page, String condition) {
        for (int i = 0; i < 150; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate("() => " + condition))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    @Test
    void aSharedLinkRestoresTheStateAndResetReturnsToTheChapters() {
        String link;
        double[][] x = copy(JOURNEY.x());
        x[2][1] = 4;
        AttentionTrace shared = run(x, JOURNEY.wq(), JOURNEY.wq(), JOURNEY.wq(), null, 1, false);
        try (Browsers.Tab tab = open("try-qkv", 1280)) {
            LiveWidget w = LiveWidget.on(tab.page(), "qkv");
            w.type("X row 3 column 2", "4");
            w.change(() -> w.input("One matrix for all three (Wk = Wv = Wq)").check());
            tab.page().waitForFunction("() => decodeURIComponent(location.hash).includes('\"shared\":true')");
            link = tab.page().url();
            assertTrue(link.contains("#qkv="), link);
        }
        try (Browsers.Tab tab = Browsers.open(390, 900)) {
            tab.page().navigate(link);
            LiveWidget w = LiveWidget.on(tab.page(), "qkv");
            assertEquals("4", w.input("X row 3 column 2").inputValue());
            assertTrue(w.input("One matrix for all three (Wk = Wv = Wq)").isChecked());
            assertEquals(shown(shared.heads().get(0).scores()), w.matrix("scores"));

            tab.page().reload();
            w = LiveWidget.on(tab.page(), "qkv");
            assertEquals(shown(shared.q()), w.matrix("q"), "a reload keeps the state");

            LiveWidget live = w;
            w.change(() -> live.root().getByText("Reset").click());
            tab.page().waitForFunction("() => location.hash === ''");
            assertEquals("0.85", w.input("X row 3 column 2").inputValue());
            assertFalse(w.input("One matrix for all three (Wk = Wv = Wq)").isChecked());
            AttentionTrace chapter = run(JOURNEY.x(), JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, false);
            assertEquals(shown(chapter.heads().get(0).scores()), w.matrix("scores"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void twoWidgetsOfOneKindKeepTheirOwnStateInTheLink() {
        String link;
        try (Browsers.Tab tab = open("two-widgets", 1280)) {
            LiveWidget second = LiveWidget.on(tab.page(), "masking", 2);
            second.type("X row 2 column 4", "3");
            tab.page().waitForFunction("() => location.hash.includes('masking-2=')");
            link = tab.page().url();
            assertTrue(link.contains("#masking-2=") && !link.contains("masking="), link);
        }
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            tab.page().navigate(link);
            LiveWidget first = LiveWidget.on(tab.page(), "masking", 1);
            LiveWidget second = LiveWidget.on(tab.page(), "masking", 2);
            double[][] x = copy(HAND4.x());
            x[1][3] = 3;
            assertEquals(shown(run(x, HAND4.wq(), HAND4.wk(), HAND4.wv(), null, 1, false).heads().get(0).weights()), second.matrix("weights"));
            assertEquals(shown(run(JOURNEY.x(), JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, true).heads().get(0).weights()),
                    first.matrix("weights"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void aSlowAnswerNeverOverwritesANewerEdit() {
        try (Browsers.Tab tab = open("try-qkv", 1280)) {
            Page page = tab.page();
            LiveWidget w = LiveWidget.on(page, "qkv");
            // the next answer takes 800 ms to arrive; the edit after it is answered at once
            page.evaluate("() => { const send = window.fetch; let first = true; window.fetch = (...args) => {"
                    + " const answer = send(...args); if (!first) return answer; first = false;"
                    + " return answer.then(r => new Promise(done => setTimeout(() => done(r), 800))); }; }");
            int before = w.revision();
            w.input("X row 1 column 1").fill("7");
            w.input("X row 1 column 1").fill("9");
            page.waitForFunction("n => Number(document.querySelector('[data-widget=qkv]').dataset.revision) > n", before);
            page.waitForTimeout(1200); // long after the slow answer has come back
            assertEquals(before + 1, w.revision(), "the slow answer for 7 was dropped, not drawn");
            assertEquals(MatrixTable.number(9, 2), w.matrix("q").get(0).get(0));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void aMangledLinkFallsBackToTheChaptersStateAndSaysSo() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            tab.page().navigate(book.url("/chapters/try-qkv#qkv=%7B%22x%22%3A%5B%5B1%5D%5D%7D"));
            LiveWidget w = LiveWidget.on(tab.page(), "qkv");
            assertEquals("The link’s settings for this widget could not be read, so it shows the chapter’s.",
                    w.root().locator(".widget-status").innerText());
            assertEquals(shown(Matrix.of(JOURNEY.x())), w.matrix("q"));
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void withoutJavaScriptTheStartingNumbersAreOnThePage() {
        try (BrowserContext context = Browsers.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(book.url("/chapters/try-masking"));
            Locator widget = page.locator("[data-widget=\"masking\"]");
            HeadTrace head = run(JOURNEY.x(), JOURNEY.wq(), JOURNEY.wk(), JOURNEY.wv(), null, 1, true).heads().get(0);
            assertEquals(shown(head.weights()), new LiveWidget(page, "[data-widget=\"masking\"]").matrix("weights"));
            assertTrue(widget.locator(".widget-static caption").first().isVisible());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shapes", "qkv", "scores", "scaling", "masking", "softmax", "weighted-sum", "multi-head", "pipeline", "kv-heads"})
    void everyWidgetIsCleanAccessibleAndFitsAPhone(String name) {
        for (int width : new int[]{390, 1280, 360}) {
            try (Browsers.Tab tab = open("try-" + name, width)) {
                Page page = tab.page();
                LiveWidget w = LiveWidget.on(page, name);
                Browsers.settle(page);
                String where = name + " at " + width + " px";
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertEquals(0, ((Number) overflow).intValue(), "the page scrolls sideways: " + where);
                if (width == 390) {
                    // axe takes seconds a run, so once, on the phone layout (where matrices become scrollers); the
                    // page around the widget is audited by BookPagesBrowserTest, this looks at the widget itself
                    assertEquals(List.of(), tab.seriousAccessibilityViolations(List.of("[data-widget]")), "axe-core: " + where);
                }
                assertEquals("", w.root().locator(".widget-status").innerText(), "no problem reported: " + where);
                assertEquals(List.of(), tab.errors(), where);
                if (width != 360) {
                    page.evaluate("() => { document.querySelector('.site-header').style.position = 'static'; }"); // not over the widget
                    w.root().screenshot(new Locator.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "widget-" + name + "-" + width + ".png")));
                }
            }
        }
    }
}
