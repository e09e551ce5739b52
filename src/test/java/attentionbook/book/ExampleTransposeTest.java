package attentionbook.book;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "transpose": true prints every matrix the way a column-vector text does: the same numbers, rows and columns swapped. */
class ExampleTransposeTest {

    private static String render(String body) {
        return new ExampleDirective().render(new Directive.Block("", body, markdown -> markdown));
    }

    /** The number in a table's cell, read back from the rendered HTML. */
    private static String cell(String html, String key, int row, int col) {
        int table = html.indexOf("data-matrix=\"" + key + "\"");
        assertTrue(table >= 0, "no table " + key + " in " + html);
        Matcher m = Pattern.compile("data-row=\"" + row + "\" data-col=\"" + col + "\">([^<]*)<").matcher(html);
        assertTrue(m.find(table), "no cell " + row + "," + col + " in " + key);
        return m.group(1);
    }

    @Test
    void everyCellMovesToTheMirroredPlaceAndTheShapeFlips() {
        // Q = X·Wq with X = [[1, 2], [3, 4], [5, 6]] and Wq = [[1, 0], [1, 1]] is [[3, 2], [7, 4], [11, 6]].
        String body = "{\"x\": [[1, 2], [3, 4], [5, 6]], \"wq\": [[1, 0], [1, 1]], \"wk\": \"identity\", \"wv\": \"identity\","
                + " \"show\": [\"q\"], \"digits\": 0%s}";
        String rows = render(body.formatted(""));
        String cols = render(body.formatted(", \"transpose\": true"));
        assertTrue(rows.contains("<span class=\"matrix-shape\">3×2</span>"), rows);
        assertTrue(cols.contains("<span class=\"matrix-shape\">2×3</span>"), cols);
        assertTrue(cols.contains("(Q = X·Wq)ᵀ"), cols);
        assertEquals("11", cell(rows, "q", 2, 0));
        assertEquals("11", cell(cols, "q-t", 0, 2));
        assertEquals("2", cell(cols, "q-t", 1, 0));
        assertTrue(cols.contains("<th scope=\"row\">1</th>") && cols.contains("<th scope=\"col\">token 3</th>"), cols);
    }

    @Test
    void aTransposeThatIsNotTrueOrFalseIsRefused() {
        DirectiveException e = assertThrows(DirectiveException.class,
                () -> render("{\"preset\": \"journey\", \"show\": [\"x\"], \"transpose\": \"yes\"}"));
        assertTrue(e.getMessage().contains("transpose"), e.getMessage());
    }
}
