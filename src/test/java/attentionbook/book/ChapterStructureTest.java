package attentionbook.book;

import attentionbook.App;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every bundled chapter has the parts a learner relies on (CONTENT.md, issue 5), in order, and
 * states no computed decimals that no directive produced.
 */
class ChapterStructureTest {
    static final List<String> SECTIONS = List.of("The problem", "The math", "Worked example", "Try it",
            "Pause and recall", "Interview questions", "Apply now", "Summary");
    static Book book;

    @BeforeAll
    static void load() {
        book = App.loadBundledBook();
    }

    @TestFactory
    Stream<DynamicTest> everyChapterHasEveryPart() {
        return book.chapters().stream().filter(c -> !c.reference()).map(c -> dynamicTest(c.slug(), () -> {
            String html = c.html();
            assertTrue(html.startsWith("<p>You will be able to:</p>\n<ul>"), c.source() + " opens with its outcomes");
            List<String> h2 = new ArrayList<>();
            Matcher m = Pattern.compile("<h2 id=\"[^\"]*\">(.*?)</h2>").matcher(html);
            while (m.find()) {
                h2.add(m.group(1));
            }
            assertEquals(SECTIONS, h2, c.source() + ": the sections, in order");
            assertTrue(section(html, "The math").contains("class=\"math"), c.source() + ": math in The math");
            assertTrue(section(html, "Worked example").contains("class=\"worked-example\""), c.source() + ": a computed worked example");
            assertTrue(section(html, "Try it").contains("data-widget=\""), c.source() + ": a live widget");
            assertRecall(c, section(html, "Pause and recall"));
            String interview = section(html, "Interview questions");
            assertTrue(interview.contains("class=\"interview\"") && count(interview, "class=\"wrong-answer\"") >= 2,
                    c.source() + ": at least two interview questions with a wrong answer and why");
            assertTrue(section(html, "Apply now").contains("data-exercise=\""), c.source() + ": a pen-and-paper exercise");
            String summary = section(html, "Summary");
            int bullets = count(summary, "<li>");
            assertTrue(bullets >= 1 && bullets <= 5, c.source() + ": a summary of at most five bullets, not " + bullets);
            boolean last = book.next(c).map(Chapter::reference).orElse(true);
            assertTrue(last || summary.contains("<a href=\""), c.source() + ": the summary bridges to the next chapter with a link");
        }));
    }

    /** Decimals with three or more places, or in a table or code block, must come from {{calc}} or a directive. */
    @TestFactory
    Stream<DynamicTest> noHandTypedResults() throws IOException {
        Path content = Path.of("content");
        try (Stream<Path> files = Files.list(content)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream()
                    .map(p -> dynamicTest(p.getFileName().toString(), () -> assertEquals(List.of(), typedDecimals(Files.readAllLines(p)),
                            p + ": decimals typed by hand (compute them with {{...}} or an example block)")));
        }
    }

    /** Symbols written two ways for one thing, or one way for two things (the notation page's rules). */
    static final java.util.Map<String, String> MISUSED_SYMBOLS = java.util.Map.of(
            "(?<![\\\\\\w])[QKVSAO]_(?:[a-z]|\\{[a-z]\\})(?![\\w{])", "a head's block is Q^{(n)}: a subscript on a letter means a row or an entry",
            "(?<![\\\\\\w])s_\\{[a-z]{2}}", "an entry of the scores is S_{ij}",
            "(?<![\\\\\\w])w_\\{", "a weight is A_{ij}",
            "\\\\(?:sum|max)_\\{?k\\b", "k is a key; sum over l",
            "\\[A \\\\times B\\]", "A and B are the weights and the batch size");

    @TestFactory
    Stream<DynamicTest> oneSymbolOneMeaning() throws IOException {
        Path content = Path.of("content");
        try (Stream<Path> files = Files.list(content)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream().map(p -> dynamicTest(p.getFileName().toString(), () -> {
                List<String> found = new ArrayList<>();
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    for (var rule : MISUSED_SYMBOLS.entrySet()) {
                        Matcher m = Pattern.compile(rule.getKey()).matcher(lines.get(i));
                        if (m.find()) {
                            found.add("line " + (i + 1) + ": " + m.group() + " (" + rule.getValue() + ")");
                        }
                    }
                }
                assertEquals(List.of(), found, p + ": symbols against the notation page");
            }));
        }
    }

    @org.junit.jupiter.api.Test
    void theNotationPageListsEverySymbolChaptersShare() throws IOException {
        String notation = Files.readString(Path.of("content/90-notation.md"));
        for (String symbol : List.of("$B$", "$T$", "$h$", "$h_\\text{kv}$", "$d_k$", "$d_v$", "$Q^{(n)}, K^{(n)}, V^{(n)}$", "$S$", "$M$", "$A$", "$O$",
                "$W_O$", "$\\tau$", "$m$", "$\\ell$", "$P$", "$S_{ij}", "$A_{ij}$", "$q_{ic}$", "$o_i$")) {
            assertTrue(notation.contains(symbol), "the notation page defines " + symbol);
        }
    }

    /**
     * Every worked example lets a reader redo each matrix it shows: the inputs of that matrix are on
     * the page (in this example or an earlier one of the chapter, or an identity projection), and
     * weights made from scaled scores say so, by showing the scaled step or naming the √ in the caption.
     */
    @TestFactory
    Stream<DynamicTest> workedExamplesShowWhatTheyUse() throws IOException {
        Path content = Path.of("content");
        try (Stream<Path> files = Files.list(content)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream()
                    .map(p -> dynamicTest(p.getFileName().toString(), () -> assertEquals(List.of(), examplesMissingInputs(Files.readAllLines(p)),
                            p + ": examples that show a result without what it is computed from")));
        }
    }

    static List<String> examplesMissingInputs(List<String> lines) throws IOException {
        List<String> problems = new ArrayList<>();
        List<double[][]> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```example")) {
                continue;
            }
            int first = i + 1;
            StringBuilder json = new StringBuilder();
            while (!lines.get(++i).strip().equals("```")) {
                json.append(lines.get(i)).append('\n');
            }
            com.fasterxml.jackson.databind.JsonNode body = ExampleDirective.parse(json.toString());
            AttentionInputs in = AttentionInputs.from(body);
            List<String> show = new ArrayList<>();
            body.get("show").forEach(n -> show.add(n.asText()));
            java.util.Map<String, double[][]> inputs = new java.util.HashMap<>();
            inputs.put("x", in.x().toArray());
            inputs.put("wq", in.spec().wq().toArray());
            inputs.put("wk", in.spec().wk().toArray());
            inputs.put("wv", in.spec().wv().toArray());
            if (in.spec().wo() != null) {
                inputs.put("wo", in.spec().wo().toArray());
            }
            java.util.function.Predicate<String> given = name -> show.contains(name) || isIdentity(inputs.get(name))
                    || seen.stream().anyMatch(m -> rowsOf(inputs.get(name), m));
            boolean q = show.contains("q") || given.test("x") && given.test("wq");
            boolean k = show.contains("k") || given.test("x") && given.test("wk");
            boolean v = show.contains("v") || given.test("x") && given.test("wv");
            boolean scores = show.contains("scores") || q && k;
            boolean scaled = show.contains("scaled") || scores;
            boolean masked = show.contains("masked") || scaled;
            boolean weights = show.contains("weights") || masked;
            boolean heads = show.contains("head_output") || weights && v;
            boolean concat = show.contains("concat") || heads;
            java.util.Map<String, Boolean> needs = java.util.Map.of("q", given.test("x") && given.test("wq"),
                    "k", given.test("x") && given.test("wk"), "v", given.test("x") && given.test("wv"),
                    "scores", q && k, "scaled", scores, "masked", scaled, "weights", masked, "head_output", weights && v,
                    "concat", heads, "output", concat && (!inputs.containsKey("wo") || given.test("wo")));
            for (String step : show) {
                if (!needs.getOrDefault(step, true)) {
                    problems.add("line " + first + ": shows " + step + " but not everything it is computed from");
                }
            }
            boolean fromWeights = show.stream().anyMatch(List.of("weights", "head_output", "concat", "output")::contains);
            String caption = body.path("caption").asText("");
            if (fromWeights && in.spec().scale() && !show.contains("scaled") && !caption.contains("√") && !caption.contains("\\sqrt")) {
                problems.add("line " + first + ": weights from scaled scores, but neither the scaled step nor the √ is shown");
            }
            for (String name : List.of("x", "wq", "wk", "wv", "wo")) {
                if (show.contains(name)) {
                    seen.add(inputs.get(name));
                }
            }
        }
        return problems;
    }

    /** Every row of m is a row of the matrix the reader has seen (the first tokens of a sentence, or the same tokens reordered). */
    private static boolean rowsOf(double[][] m, double[][] seen) {
        return m != null && java.util.Arrays.stream(m).allMatch(row -> java.util.Arrays.stream(seen).anyMatch(r -> java.util.Arrays.equals(r, row)));
    }

    private static boolean isIdentity(double[][] m) {
        if (m == null || m.length != m[0].length) {
            return false;
        }
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m.length; c++) {
                if (m[r][c] != (r == c ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    static List<String> typedDecimals(List<String> lines) {
        List<String> found = new ArrayList<>();
        Pattern anyDecimal = Pattern.compile("(?<![\\w.])\\d+\\.\\d{2,}");
        // A constant in scientific notation ("6.022 \times 10^{23}") is a given, not a result.
        Pattern longDecimal = Pattern.compile("(?<![\\w.])\\d+\\.\\d{3,}(?! ?\\\\times 10\\^)");
        String fence = null;
        boolean directive = false;
        boolean json = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                if (fence == null) {
                    fence = stripped.substring(0, 3);
                    String info = stripped.substring(3).strip().split("\\s+")[0];
                    directive = List.of("example", "widget", "exercise", "recall", "interview").contains(info);
                    json = List.of("example", "widget", "exercise").contains(info);
                } else if (stripped.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (fence != null && json) {
                continue; // a JSON body: the inputs of an example, a widget or an exercise
            }
            String text = line.replaceAll("\\{\\{.*?}}", "");
            boolean tableOrCode = (fence != null && !directive) || stripped.startsWith("|");
            Matcher m = (tableOrCode ? anyDecimal : longDecimal).matcher(text);
            if (m.find()) {
                found.add("line " + (i + 1) + ": " + m.group());
            }
        }
        return found;
    }

    private static void assertRecall(Chapter c, String recall) {
        int questions = count(recall, "class=\"recall-item\"");
        assertTrue(questions >= 3 && questions <= 5, c.source() + ": 3 to 5 recall questions, not " + questions);
        assertTrue(recall.contains("<summary>Show the answer</summary>"), c.source() + ": answers on request");
    }

    private static String section(String html, String heading) {
        int start = html.indexOf(">" + heading + "</h2>");
        int end = html.indexOf("<h2", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
