package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.attention.Softmax;
import attentionbook.book.MatrixTable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The softmax widget takes −∞ for a score (its weight exactly 0) and a logarithmic temperature slider;
 * the shapes widget never leaves a message about older numbers on the page, and counts in the singular.
 */
class SoftmaxAndShapesBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/widgets"),
            "--rate-limit", "0");

    private static List<String> bars(double[] weights) {
        return Arrays.stream(weights).mapToObj(p -> MatrixTable.number(p, 3)).toList();
    }

    @Test
    void aScoreOfMinusInfinityGetsWeightZeroInTheWidgetTheLinkAndAReload() {
        String link;
        double[] scores = {2, Double.NEGATIVE_INFINITY, 0.1};
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            tab.page().navigate(book.url("/chapters/try-softmax"));
            LiveWidget w = LiveWidget.on(tab.page(), "softmax");
            w.type("score 2", "-inf");
            assertEquals(bars(Softmax.stable(scores)), w.root().locator(".bar-value").allTextContents());
            assertEquals("0", w.root().locator("meter >> nth=1").evaluate("m => String(m.value)"), "exactly 0");
            assertEquals(LiveWidget.MASKED, w.matrix("divided").get(0).get(1));
            assertEquals("masked", w.root().locator("[data-matrix=\"scores\"] td[data-col=\"1\"]").getAttribute("class"));
            tab.page().waitForFunction("() => decodeURIComponent(location.hash).includes('\"-inf\"')");
            link = tab.page().url();

            w.type("score 1", "−∞");
            w.change(() -> w.input("score 3").fill("-inf"));
            assertTrue(w.root().locator(".widget-status").innerText().startsWith("every score is −∞"),
                    w.root().locator(".widget-status").innerText());
            assertFalse(w.root().locator(".widget-body .widget-problem").isVisible(), "no message about the older numbers");
            assertEquals(List.of(), tab.errors().stream().filter(e -> !e.contains("400")).toList());
        }
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            tab.page().navigate(link);
            LiveWidget w = LiveWidget.on(tab.page(), "softmax");
            assertEquals("−∞", w.input("score 2").inputValue());
            assertEquals(bars(Softmax.stable(scores)), w.root().locator(".bar-value").allTextContents());
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void theTemperatureSliderIsLogarithmicSoOneToATenthIsAQuarterOfIt() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            tab.page().navigate(book.url("/chapters/try-softmax"));
            LiveWidget w = LiveWidget.on(tab.page(), "softmax");
            var slider = w.input("Temperature τ");
            double min = Double.parseDouble(slider.getAttribute("min"));
            double max = Double.parseDouble(slider.getAttribute("max"));
            double at1 = Double.parseDouble(slider.inputValue());
            assertEquals(0.5, (at1 - min) / (max - min), 1e-9, "τ = 1 sits in the middle");
            w.change(() -> slider.fill("-1"));
            assertEquals("0.1", w.input("Temperature τ, typed").inputValue());
            assertEquals("τ = 0.1", slider.getAttribute("aria-valuetext"));
            assertEquals(0.25, (at1 - Double.parseDouble(slider.inputValue())) / (max - min), 1e-9, "1 → 0.1 is a quarter of the slider");
            assertEquals(bars(Softmax.stable(new double[]{2, 1, 0.1}, 0.1)), w.root().locator(".bar-value").allTextContents());
            w.type("Temperature τ, typed", "100");
            assertEquals(String.valueOf(max), String.valueOf(Double.parseDouble(slider.inputValue())), "the slider reaches 100");
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void aMessageAboutOlderNumbersGoesWhenTheInputChanges() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            tab.page().navigate(book.url("/chapters/try-shapes"));
            LiveWidget w = LiveWidget.on(tab.page(), "shapes");
            w.type("heads h", "5");
            assertTrue(w.root().locator(".widget-problem").first().isVisible());
            w.input("d_model").fill("");
            assertEquals("d_model must be a whole number from 1 to 65536.", w.root().locator(".widget-status").innerText());
            assertFalse(w.root().locator(".widget-body .widget-problem").isVisible(), "the 5-heads message belongs to d_model = 12");
            w.type("d_model", "12");
            assertTrue(w.root().locator(".widget-body .widget-problem").innerText().startsWith("5 heads cannot split d_model = 12"));
            w.type("d_model", "20");
            assertEquals(0, w.root().locator(".widget-problem").count(), "5 divides 20");

            w.type("batch B", "1");
            w.type("ctx T", "1");
            assertEquals("the input: 1 sequence of 1 token, each token 20 numbers wide",
                    w.root().locator("[data-stage=\"x\"] .shape-note").innerText());
            assertEquals(List.of(), tab.errors());
        }
    }
}
