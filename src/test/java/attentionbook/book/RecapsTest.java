package attentionbook.book;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Previously defined" box: made from the notation table and the chapters' first uses. */
class RecapsTest {
    @TempDir
    Path folder;

    private Book load() throws IOException {
        Files.writeString(folder.resolve("01-one.md"), "---\ntitle: One\nsummary: s\n---\n## Start\n\nText.\n\n"
                + "## Shapes\n\nThe context length $T$ and the inputs $X$.\n");
        Files.writeString(folder.resolve("02-two.md"), "---\ntitle: Two\nsummary: s\n---\nAlready $T$ here.\n\n"
                + "## Projections\n\n$$\nQ = X W_Q, \\quad K = X W_K, \\quad V = X W_V\n$$\n");
        Files.writeString(folder.resolve("03-three.md"), "---\ntitle: Three\nsummary: s\n---\n## Scores\n\n"
                + "Scores $Q K^\\top$ over $T$ tokens, and $V$ again; a new $M$.\n\n## [A link with $T$](one)\n");
        Files.writeString(folder.resolve("04-four.md"), "---\ntitle: Four\nsummary: s\n---\n## Queries again\n\n"
                + "Two QUERIES share a causal mask, not a Padding mask; the Head sees no heads-up.\n");
        Files.writeString(folder.resolve("90-notation.md"), "---\ntitle: Notation\nsummary: s\nkind: reference\n---\n"
                + "## Glossary\n\n- **Query, key, value**: projections. See [Two](two#projections).\n"
                + "- **Causal mask**: hides the future. See [Four](four#queries-again).\n"
                + "- **Head**: one of several. See [One](one#shapes).\n"
                + "- **Padding mask**: hides padding.\n\n"
                + SymbolTableTest.NOTATION.replace("| $M$ | mask | $T \\times T$ |", "| $M$ | mask | $T \\times T$ |\n| $X$ | inputs | x |\n"
                + "| $W_Q$ | query projection | x |\n| $W_K$ | key projection | x |\n| $W_V$ | value projection | x |"));
        return new BookLoader(new MarkdownRenderer(Map.of())).load(List.of(new BookLoader.Folder(folder, "content")));
    }

    private static List<String> lines(Recaps.Recap recap) {
        return recap.items().stream().map(i -> i.tex() + " → " + i.href() + " (chapter " + i.chapterNumber() + ", " + i.chapterTitle() + ")").toList();
    }

    @Test
    void eachChapterRecallsTheSymbolsEarlierChaptersDefined() throws IOException {
        Book book = load();
        Recaps recaps = new Recaps(book);
        assertTrue(recaps.of(book.chapter("one").orElseThrow()).isEmpty(), "the first chapter recalls nothing");
        assertEquals(List.of("T → one#shapes (chapter 1, One)", "X → one#shapes (chapter 1, One)"),
                lines(recaps.of(book.chapter("two").orElseThrow())));
        assertEquals(List.of("Q, K, V → two#projections (chapter 2, Two)", "T → one#shapes (chapter 1, One)"),
                lines(recaps.of(book.chapter("three").orElseThrow())),
                "Q, K and V share a row and a place, so one line; M is new in chapter three, so not recalled");
        assertTrue(recaps.of(book.chapter("notation").orElseThrow()).isEmpty(), "a reference page has no recap");
    }

    private static List<String> ideas(Recaps.Recap recap) {
        return recap.ideas().stream().map(i -> i.name() + " → " + i.href() + " (chapter " + i.chapterNumber() + ", " + i.chapterTitle() + ")").toList();
    }

    @Test
    void eachChapterRecallsTheGlossaryTermsItsTextUsesThatEarlierChaptersDefine() throws IOException {
        Book book = load();
        Recaps recaps = new Recaps(book);
        assertEquals(List.of("Head → one#shapes (chapter 1, One)", "Query, key, value → two#projections (chapter 2, Two)"),
                ideas(recaps.of(book.chapter("four").orElseThrow())),
                "\"QUERIES\" is query in any case and plural, \"Head\" a whole word (not heads-up's); the causal mask is"
                        + " defined in chapter four itself, the padding mask nowhere");
        assertEquals(List.of(), ideas(recaps.of(book.chapter("two").orElseThrow())), "chapter two names no term");
    }

    @Test
    void theRecapFollowsTheCoursesReadingOrder() throws IOException {
        Book course = load().select(List.of("three", "one"));
        Recaps recaps = new Recaps(course);
        assertTrue(recaps.of(course.chapter("three").orElseThrow()).isEmpty(), "read first, it recalls nothing");
        assertEquals(List.of("T → three#scores (chapter 1, Three)"), lines(recaps.of(course.chapter("one").orElseThrow())));
        assertTrue(recaps.of(course.chapter("two").orElseThrow()).isEmpty(), "a chapter left out has no recap");
        Book fourFirst = load().select(List.of("four", "two"));
        assertEquals(List.of(), ideas(new Recaps(fourFirst).of(fourFirst.chapter("four").orElseThrow())),
                "read first, chapter four recalls no term: their chapters come later or are left out");
    }

    @Test
    void formulasWithSymbolsAreDescribedByTheirMeaningsExceptInHeadingsAndLinks() throws IOException {
        Book book = load();
        String three = book.chapter("three").orElseThrow().html();
        assertTrue(three.contains("<span class=\"math has-symbols\" aria-describedby=\"symbol-Q symbol-K\">Q K^\\top</span>"), three);
        assertTrue(three.contains("aria-describedby=\"symbol-M\""));
        assertTrue(three.contains("<span class=\"math\">T</span></a>"), "math in a heading's link is left plain: " + three);
        String two = book.chapter("two").orElseThrow().html();
        assertTrue(two.contains("<div class=\"math display has-symbols\" aria-describedby=\"symbol-Q symbol-X symbol-W-Q symbol-K symbol-W-K symbol-V symbol-W-V\">"), two);
        assertEquals(List.of("T", "Q", "X", "W_Q", "K", "W_K", "V", "W_V"),
                book.chapter("two").orElseThrow().symbols().stream().map(u -> u.symbol().key()).toList());
    }
}
