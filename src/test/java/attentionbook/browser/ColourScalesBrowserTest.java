package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.book.MatrixTable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a reader sees of the colour scales: every cell's heat class and every legend follow each edit
 * at once, and matrices of one kind of quantity share one scale, so one number has one colour.
 */
class ColourScalesBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--content", BookServerExtension.resource("/books/widgets"),
            "--rate-limit", "0");

    /** Every cell of these matrices as {value, class}, and their legends: read from the page. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> look(LiveWidget w, List<String> keys) {
        return (Map<String, Object>) w.root().evaluate("(root, keys) => {"
                + " const cells = [], legends = [];"
                + " for (const key of keys) { const m = root.querySelector(`[data-matrix=\"${key}\"]`);"
                + "   for (const td of m.querySelectorAll('tbody td')) { if (td.classList.contains('masked')) continue;"
                + "     const input = td.querySelector('input');"
                + "     const text = input ? input.value : td.textContent.replace('\\u2212', '-');"
                + "     cells.push([key, Number(text), [...td.classList].find(c => c.startsWith('heat-'))]); }"
                + "   legends.push([key, m.querySelector('.legend-low').textContent, m.querySelector('.legend-high').textContent]); }"
                + " return { cells, legends }; }", keys);
    }

    /** Checks that every cell of the matrices has the class of its value on the one scale of their largest magnitude. */
    @SuppressWarnings("unchecked")
    private static void assertOneScale(LiveWidget w, List<String> keys, double expectedMax) {
        Map<String, Object> seen = look(w, keys);
        List<List<Object>> cells = (List<List<Object>>) seen.get("cells");
        List<String> wrong = new ArrayList<>();
        for (List<Object> cell : cells) {
            double value = ((Number) cell.get(1)).doubleValue();
            String expected = MatrixTable.heatClass(value, MatrixTable.Scale.SIGNED, expectedMax);
            if (!expected.equals(cell.get(2))) {
                wrong.add(cell.get(0) + " " + value + " is " + cell.get(2) + ", not " + expected);
            }
        }
        assertEquals(List.of(), wrong, "one scale of ±" + expectedMax + " over " + keys);
        for (List<Object> legend : (List<List<Object>>) seen.get("legends")) {
            assertEquals(List.of(legend.get(0), MatrixTable.number(-expectedMax, 2), MatrixTable.number(expectedMax, 2)), legend,
                    "the legend spans the data");
        }
    }

    private static double largest(List<List<Object>> cells) {
        return cells.stream().mapToDouble(c -> Math.abs(((Number) c.get(1)).doubleValue())).max().orElse(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditedInputTakesItsColourAndTheLegendsFollowAtOnce() {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            tab.page().navigate(book.url("/chapters/try-qkv"));
            LiveWidget w = LiveWidget.on(tab.page(), "qkv");
            List<String> inputs = List.of("x", "wq", "wk", "wv");
            double before = largest((List<List<Object>>) look(w, inputs).get("cells"));
            assertOneScale(w, inputs, before);

            w.type("X row 1 column 1", "-7");
            assertEquals("heat-s-m5", w.root().locator("[data-matrix=\"x\"] td[data-row=\"0\"][data-col=\"0\"]").getAttribute("class"),
                    "−7 is the most negative input: the darkest orange");
            assertOneScale(w, inputs, 7);
            List<String> vectors = List.of("q", "k", "v");
            assertOneScale(w, vectors, largest((List<List<Object>>) look(w, vectors).get("cells")));

            w.type("X row 1 column 1", "0.5");
            assertOneScale(w, inputs, before);
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kindsOfQuantityShareOneScaleInEveryWidget() {
        Map<String, List<List<String>>> kinds = Map.of(
                "scores", List.of(List.of("x", "wq", "wk"), List.of("q", "kt")),
                "masking", List.of(List.of("scaled", "masked")),
                "weighted-sum", List.of(List.of("v", "scaled-values", "output-row")),
                "multi-head", List.of(List.of("x", "wq", "wk", "wv", "wo"), List.of("q-h1", "k-h2", "v-h1", "output-h1", "output-h2", "concat", "output")),
                "pipeline", List.of(List.of("x", "wq", "wk", "wv")));
        for (var entry : kinds.entrySet()) {
            try (Browsers.Tab tab = Browsers.open(1280, 900)) {
                tab.page().navigate(book.url("/chapters/try-" + entry.getKey()));
                LiveWidget w = LiveWidget.on(tab.page(), entry.getKey());
                for (List<String> keys : entry.getValue()) {
                    assertOneScale(w, keys, largest((List<List<Object>>) look(w, keys).get("cells")));
                }
                assertEquals(List.of(), tab.errors(), entry.getKey());
            }
        }
    }
}
