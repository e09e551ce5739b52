package attentionbook.book;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookLoaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(BookLoaderTest.class.getResource("/books/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Book load(String... names) {
        List<BookLoader.Folder> folders = java.util.Arrays.stream(names)
                .map(n -> new BookLoader.Folder(fixture(n), n)).toList();
        return new BookLoader(new MarkdownRenderer(Map.of())).load(folders);
    }

    @Test
    void loadsChaptersInFileOrderWithFrontMatter() {
        Book book = load("good");
        assertEquals(List.of("first", "second-step"), book.chapters().stream().map(Chapter::slug).toList());
        Chapter first = book.chapter("first").orElseThrow();
        assertEquals("The first chapter", first.title());
        assertEquals("Where the fixture book starts.", first.summary());
        assertEquals("The second: step", book.chapter("second-step").orElseThrow().title());
        assertEquals("second-step", book.next(first).orElseThrow().slug());
        assertTrue(book.previous(first).isEmpty());
    }

    @Test
    void mathIsKeptAwayFromMarkdown() {
        String html = load("good").chapter("first").orElseThrow().html();
        assertTrue(html.contains("<span class=\"math\">W_Q</span>"), html);
        assertTrue(html.contains("<span class=\"math\">Q K^T</span>"), html);
        assertTrue(html.contains("<span class=\"math\">a*b*c</span>"), html);
        assertTrue(html.contains("<div class=\"math display\">\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}</div>"), html);
        assertTrue(html.contains("dollar: $5."), html);
        assertFalse(html.contains("<em>"), "no emphasis should be made out of math: " + html);
    }

    @Test
    void tablesFootnotesAndHeadingAnchors() {
        Chapter first = load("good").chapter("first").orElseThrow();
        assertTrue(first.html().contains("<table>"), first.html());
        assertTrue(first.html().contains("class=\"footnotes\""), first.html());
        assertTrue(first.html().contains("<h2 id=\"shapes-in-a-table\">"), first.html());
        assertEquals(List.of(new Heading(2, "shapes-in-a-table", "Shapes in a table"),
                new Heading(3, "a-smaller-heading", "A smaller heading")), first.outline());
    }

    @Test
    void aLaterFolderAddsChaptersAndReplacesOnesWithTheSameSlug() {
        Book book = load("good", "own");
        assertEquals(List.of("first", "second-step", "extra"), book.chapters().stream().map(Chapter::slug).toList());
        assertEquals("The instructor's second chapter", book.chapter("second-step").orElseThrow().title());
        assertEquals("own/02-second-step.md", book.chapter("second-step").orElseThrow().source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no-title        | no-title/01-x.md:3: the front matter has no "title:"
            bad-yaml        | bad-yaml/01-x.md:3: the front matter is not valid YAML
            unknown-key     | unknown-key/01-x.md:4: unknown front matter key "tittle" (known keys: title, summary, kind)
            duplicate-slug  | duplicate-slug/02-same.md: the slug "same" is already used by duplicate-slug/01-same.md
            unclosed-math   | unclosed-math/01-x.md:7: math opened with "$" is never closed in this paragraph
            unclosed-display| unclosed-display/01-x.md:7: display math opened with "$$" is never closed
            no-front-matter | no-front-matter/01-x.md:1: a chapter must start with front matter
            bad-name        | bad-name/Intro.md: a chapter file is named NN-slug.md
            unclosed-fence  | unclosed-fence/01-x.md:7: this code block is never closed
            second-h1       | second-h1/01-x.md:7: use "##" for sections
            empty-folder    | empty-folder: no chapters found
            broken-link     | broken-link/01-first.md:7: the link to "nowhere" names no chapter (chapters: first, second)
            broken-anchor   | broken-anchor/01-x.md:7: the link to "#missing-heading" names no heading of broken-anchor/01-x.md
            broken-reference-link | broken-reference-link/01-x.md:9: the link to "nowhere" names no chapter
            link-shown-in-code | link-shown-in-code/01-x.md:11: the link to "nowhere" names no chapter
            quoted-key      | quoted-key/01-x.md:4: unknown front matter key "tittle"
            duplicate-key   | duplicate-key/01-x.md:4: the front matter is not valid YAML
            """)
    void aBrokenFileStopsLoadingWithItsFileAndLine(String folder, String expectedStart) {
        ContentError error = assertThrows(ContentError.class, () -> load(folder));
        assertTrue(error.getMessage().startsWith(expectedStart.strip()),
                "expected a message starting with\n  " + expectedStart + "\nbut got\n  " + error.getMessage());
    }

    @Test
    void theParserFindsDirectivesLinksAndAnchorsNotLookalikes() {
        Directive plain = block -> "<p>" + block.argument() + "</p>";
        MarkdownRenderer renderer = new MarkdownRenderer(Map.of("shout", plain));
        String body = String.join("\n",
                "## Start here",                  // line 5
                "",
                "````markdown",                   // a code example that shows a directive
                "```shout not-this-one",
                "```",
                "````",
                "",
                "> ```shout quoted",              // line 12: a real block, inside a quotation
                "> hello",
                "> ```",
                "",
                "See [the start](#start-here) and [a chapter](other#part).",   // line 16
                "",
                "```shout real",                  // line 18
                "```",
                "");
        MarkdownRenderer.Rendered rendered = renderer.render("x.md", body, 5);
        assertEquals(List.of(new DirectiveUse("shout", "quoted", "hello\n", 12), new DirectiveUse("shout", "real", "", 18)),
                rendered.directives());
        assertEquals(List.of(new LinkTarget("#start-here", 16), new LinkTarget("other#part", 16)), rendered.links());
        assertEquals(java.util.Set.of("start-here"), rendered.anchors());
    }

    @Test
    void directivesReplaceTheirBlockAndReportTheirOwnLines() {
        Directive shout = block -> {
            String argument = block.argument();
            String body = block.body();
            if (body.contains("bad")) {
                throw new DirectiveException("the word bad is not allowed", 2);
            }
            return "<p class=\"shout\">" + argument + ":" + body.strip().toUpperCase() + "</p>";
        };
        MarkdownRenderer renderer = new MarkdownRenderer(Map.of("shout", shout));
        String html = renderer.render("x.md", "Text.\n\n```shout loud\nhello\n```\n\n```java\ncode\n```\n", 5).html();
        assertTrue(html.contains("<p class=\"shout\">loud:HELLO</p>"), html);
        assertTrue(html.contains("<code class=\"language-java\">code"), html);
        ContentError error = assertThrows(ContentError.class,
                () -> renderer.render("x.md", "Text.\n\n```shout\nfine\nbad\n```\n", 5));
        assertEquals("x.md:9: ```shout: the word bad is not allowed", error.getMessage());
    }

    /**
     * Chapters are rendered several at once, yet the mistake reported is the first in the files' order,
     * as when they were rendered one after the other: here the first file's mistake lies at its end,
     * behind a long body, while every later file fails on its first line of text.
     */
    @Test
    void theFirstBrokenFileIsReportedWhicheverChapterFailsFirst(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        String front = "---\ntitle: A chapter\nsummary: One of many.\n---\n";
        String longBody = "Some text with $x$ in it.\n\n".repeat(3000) + "An unclosed $x\n";
        java.nio.file.Files.writeString(dir.resolve("01-long.md"), front + longBody);
        for (int i = 2; i <= 24; i++) {
            java.nio.file.Files.writeString(dir.resolve(String.format("%02d-short-%d.md", i, i)), front + "An unclosed $x\n");
        }
        BookLoader loader = new BookLoader(new MarkdownRenderer(Map.of()));
        for (int run = 0; run < 5; run++) {
            ContentError error = assertThrows(ContentError.class, () -> loader.load(List.of(new BookLoader.Folder(dir, "many"))));
            assertTrue(error.getMessage().startsWith("many/01-long.md:6005: math opened with \"$\" is never closed"), error.getMessage());
        }
    }
}
