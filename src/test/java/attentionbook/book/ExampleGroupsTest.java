package attentionbook.book;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A worked example puts the matrices of one step together, so a row of matrices wraps as a unit. */
class ExampleGroupsTest {

    private static String render(String body) {
        return new ExampleDirective().render(new Directive.Block("", body, markdown -> markdown));
    }

    /** Each group's name and the keys of the matrices in it, in page order. */
    private static List<String> groups(String html) {
        Matcher group = Pattern.compile("<div class=\"matrix-row\" role=\"group\" data-group=\"([a-z]+)\" aria-label=\"[^\"]+\">").matcher(html);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (group.find()) {
            starts.add(group.end());
            names.add(group.group(1));
        }
        starts.add(html.length());
        List<String> out = new ArrayList<>();
        for (int g = 0; g < names.size(); g++) {
            Matcher key = Pattern.compile("data-matrix=\"([a-z0-9_-]+)\"").matcher(html.substring(starts.get(g), starts.get(g + 1)));
            List<String> keys = new ArrayList<>();
            while (key.find()) {
                keys.add(key.group(1));
            }
            out.add(names.get(g) + ": " + String.join(" ", keys));
        }
        return out;
    }

    @Test
    void theInputsTheWeightsTheProjectionsAndTheScoresEachFormAGroup() {
        String html = render("{\"preset\": \"hand4\", \"show\": [\"x\", \"wq\", \"wk\", \"wv\", \"q\", \"k\", \"v\", \"scores\", \"weights\", \"output\"]}");
        assertEquals(List.of("inputs: x", "parameters: wq wk wv", "projections: q k v", "scores: scores", "weights: weights", "outputs: output"),
                groups(html));
    }

    @Test
    void everyHeadOfAStepStaysInThatStepsGroup() {
        String html = render("{\"x\": [[2, 0, 0, 2], [2, 0, 2, 0]], \"wq\": \"identity\", \"wk\": \"identity\", \"wv\": \"identity\","
                + " \"heads\": 2, \"wo\": \"identity\", \"show\": [\"scaled\", \"masked\", \"weights\", \"head_output\", \"concat\", \"wo\", \"output\"]}");
        assertEquals(List.of("scores: scaled-h1 scaled-h2 masked-h1 masked-h2", "weights: weights-h1 weights-h2",
                "outputs: head_output-h1 head_output-h2 concat wo output"), groups(html));
    }

    @Test
    void aStepShownOutOfOrderStartsAGroupOfItsOwn() {
        String html = render("{\"preset\": \"hand4\", \"show\": [\"q\", \"x\", \"k\"]}");
        assertEquals(List.of("projections: q", "inputs: x", "projections: k"), groups(html));
    }

    /** The legend under each matrix, keyed by the matrix. */
    private static java.util.Map<String, String> legends(String html) {
        Matcher m = Pattern.compile("data-matrix=\"([a-z0-9_-]+)\".*?<span class=\"legend-low\">([^<]*)</span>.*?"
                + "<span class=\"legend-high\">([^<]*)</span>", Pattern.DOTALL).matcher(html);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(1), m.group(2) + " to " + m.group(3));
        }
        return out;
    }

    @Test
    void matricesOfOneKindShareOneScaleSoOneValueHasOneColour() {
        // the journey preset: Q, K and V have different largest entries (0.87, 0.89, 0.89) but one scale
        String html = render("{\"preset\": \"journey\", \"wq\": [[1, 0], [0, 1], [0, 0]], \"wk\": [[0, 0], [1, 0], [0, 1]],"
                + " \"wv\": [[1, 0], [0, 0], [0, 1]], \"show\": [\"x\", \"wq\", \"wk\", \"wv\", \"q\", \"k\", \"v\", \"scores\", \"scaled\"]}");
        java.util.Map<String, String> legends = legends(html);
        assertEquals(legends.get("q"), legends.get("k"));
        assertEquals(legends.get("q"), legends.get("v"));
        assertEquals("−0.89 to 0.89", legends.get("q"));
        assertEquals(legends.get("x"), legends.get("wq"));
        assertEquals(legends.get("wq"), legends.get("wv"));
        assertEquals(legends.get("scores"), legends.get("scaled"));
    }
}
