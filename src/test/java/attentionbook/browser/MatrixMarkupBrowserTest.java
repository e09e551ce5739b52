package attentionbook.browser;

import attentionbook.BookServerExtension;
import attentionbook.book.MatrixTable;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * static/js/matrix.js draws exactly what MatrixTable.java renders: the same elements, attributes,
 * heat classes, legends and digits, for seeded random matrices with the awkward cases mixed in
 * (halves, −0, huge numbers, masked cells, labels that need escaping).
 */
class MatrixMarkupBrowserTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();
    /** The start of a script that has static/js/matrix.js as m (its fingerprinted address is book.js's, renamed). */
    static final String WITH_MATRIX_JS = "async (cases) => {"
            + " const url = document.querySelector('script[type=module]').src.replace('js/book.js', 'js/matrix.js');"
            + " const m = await import(url);";

    /** A value that tests rounding: a random scale, or a tie, −0, 0 or a masked −∞. */
    private static double awkward(Random random) {
        switch (random.nextInt(10)) {
            case 0: return Double.NEGATIVE_INFINITY;
            case 1: return (random.nextInt(2001) - 1000 + 0.5) / Math.pow(10, random.nextInt(4)); // halves at some digit
            case 2: return -0.0;
            case 3: return 0.0;
            case 4: return random.nextGaussian() * 1e11;
            case 5: return (random.nextBoolean() ? 1 : -1) * 1e9 * (1 - 1e-12);
            default: return random.nextGaussian() * Math.pow(10, random.nextInt(8) - 4);
        }
    }

    private static List<String> labels(Random random, int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(random.nextInt(4) == 0 ? "<b>&\"'" + i : "tok" + i);
        }
        return labels;
    }

    private static Map<String, Object> js(MatrixTable.Spec spec) {
        List<List<Double>> values = new ArrayList<>();
        for (double[] row : spec.values()) {
            List<Double> r = new ArrayList<>();
            for (double x : row) {
                r.add(x == Double.NEGATIVE_INFINITY ? null : x);
            }
            values.add(r);
        }
        Map<String, Object> out = new HashMap<>();
        out.put("name", spec.name());
        out.put("key", spec.key());
        out.put("values", values);
        out.put("rowLabels", spec.rowLabels());
        out.put("colLabels", spec.colLabels());
        out.put("scale", spec.scale() == MatrixTable.Scale.WEIGHTS ? "weights" : "signed");
        out.put("digits", spec.digits());
        if (spec.range() > 0) {
            out.put("range", spec.range());
        }
        return out;
    }

    private static MatrixTable.Spec randomSpec(Random random, int rows, int cols) {
        boolean weights = random.nextBoolean();
        double[][] values = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r][c] = weights && random.nextInt(3) > 0 ? random.nextDouble() : awkward(random);
            }
        }
        // a third of them on a scale shared with larger matrices (a range above their own), as widgets draw a kind of quantity
        double range = random.nextInt(3) == 0 ? MatrixTable.largestMagnitude(values) * (1 + random.nextInt(4)) : 0;
        return new MatrixTable.Spec("M<" + rows + ">", "m" + rows + "x" + cols, values, labels(random, rows), labels(random, cols),
                weights ? MatrixTable.Scale.WEIGHTS : MatrixTable.Scale.SIGNED, random.nextInt(5), range);
    }

    @Test
    void theScriptDrawsWhatTheServerRenders() {
        Random random = new Random(20240611);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            MatrixTable.Spec first = randomSpec(random, 1 + random.nextInt(6), 1 + random.nextInt(6));
            // the same matrix redrawn with new numbers: half the time the same size, else another size
            MatrixTable.Spec next = random.nextBoolean()
                    ? randomSpec(random, first.values().length, first.values()[0].length)
                    : randomSpec(random, 1 + random.nextInt(6), 1 + random.nextInt(6));
            next = new MatrixTable.Spec(first.name(), first.key(), next.values(), next.rowLabels(), next.colLabels(), first.scale(), first.digits(),
                    first.range());
            Map<String, Object> c = new HashMap<>();
            c.put("spec", js(first));
            c.put("html", MatrixTable.html(first));
            c.put("next", js(next));
            c.put("nextHtml", MatrixTable.html(next));
            cases.add(c);
        }
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/"));
            Object mismatches = page.evaluate(WITH_MATRIX_JS + " const bad = [];"
                    + " const parse = (html) => { const t = document.createElement('template'); t.innerHTML = html; return t.content.firstElementChild; };"
                    + " for (const c of cases) {"
                    + "   const drawn = m.renderMatrix(c.spec);"
                    + "   if (!drawn.isEqualNode(parse(c.html))) bad.push(['render', c.html, drawn.outerHTML]);"
                    + "   m.updateMatrix(drawn, c.next.values, c.next.rowLabels, c.next.colLabels);"
                    + "   if (!drawn.isEqualNode(parse(c.nextHtml))) bad.push(['update', c.nextHtml, drawn.outerHTML]);"
                    + " }"
                    + " return bad; }", cases);
            assertEquals(List.of(), mismatches);
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void anExerciseDrawsItsMatricesAsTheServerRendersThem() {
        Random random = new Random(1313);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            MatrixTable.Spec any = randomSpec(random, 1 + random.nextInt(5), 1 + random.nextInt(5));
            // as an exercise shows a table from the API: on a signed scale of its own, keyed by its name
            MatrixTable.Spec spec = new MatrixTable.Spec(any.name(), any.name(), any.values(), any.rowLabels(), any.colLabels(),
                    MatrixTable.Scale.SIGNED, any.digits(), 0);
            Map<String, Object> view = js(spec);
            view.remove("key");
            view.remove("scale");
            cases.add(Map.of("view", view, "html", MatrixTable.html(spec)));
        }
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/"));
            Object mismatches = page.evaluate("async (cases) => {"
                    + " const url = document.querySelector('script[type=module]').src.replace('js/book.js', 'js/exercise/text.js');"
                    + " const exercise = await import(url);"
                    + " const parse = (html) => { const t = document.createElement('template'); t.innerHTML = html; return t.content.firstElementChild; };"
                    + " return cases.map(c => [c.html, exercise.matrixTable(c.view).outerHTML, exercise.matrixTable(c.view).isEqualNode(parse(c.html))])"
                    + "   .filter(([, , same]) => !same).map(([html, drawn]) => [html, drawn]); }", cases);
            assertEquals(List.of(), mismatches);
            assertEquals(List.of(), tab.errors());
        }
    }

    @Test
    void numbersAreRoundedAlikeInJavaAndJavaScript() {
        Random random = new Random(7);
        List<Double> values = new ArrayList<>(List.of(0.125, 0.375, 2.5, -2.5, 1.005, 1.015, -0.005, -0.0, 0.0, 1e9, -1e9,
                999_999_999.995, 123_456_789_012.0, 1e21, -1.5e300, 4.35, 0.045, Double.MIN_VALUE, 1e-7));
        for (int i = 0; i < 400; i++) {
            values.add(awkward(random));
        }
        values.removeIf(v -> v == Double.NEGATIVE_INFINITY);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (double value : values) {
            for (int digits = 0; digits <= 4; digits++) {
                cases.add(Map.of("x", value, "digits", digits, "java", MatrixTable.number(value, digits)));
            }
        }
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(book.url("/"));
            Object mismatches = page.evaluate(WITH_MATRIX_JS
                    + " return cases.filter(c => m.formatNumber(c.x, c.digits) !== c.java)"
                    + "   .map(c => `${c.x} to ${c.digits}: Java ${c.java}, JavaScript ${m.formatNumber(c.x, c.digits)}`); }", cases);
            assertEquals(List.of(), mismatches);
        }
    }
}
