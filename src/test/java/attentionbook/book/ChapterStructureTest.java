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
