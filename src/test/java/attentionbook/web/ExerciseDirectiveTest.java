package attentionbook.web;

import attentionbook.book.Chapter;
import attentionbook.book.ContentError;
import attentionbook.book.MarkdownRenderer;
import attentionbook.exercise.Declaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ```exercise KIND blocks: what the page gets, and the start-up errors that name file and line. */
class ExerciseDirectiveTest {
    static final MarkdownRenderer RENDERER = new MarkdownRenderer(Map.of("exercise", new ExerciseDirective()));

    static String render(String body) {
        return RENDERER.render("content/04-scores.md", body, 5).html();
    }

    @Test
    void theElementCarriesKindIdAndOptionsButNoAnswer() {
        String html = render("Text.\n\n```exercise score-grid\n{\"tokens\": 2}\n```\n");
        assertTrue(html.contains("<section class=\"exercise\" data-exercise=\"score-grid\" data-exercise-id=\"score-grid-tokens-2\""
                + " data-options=\"{&#34;tokens&#34;:2}\">"), html);
        assertTrue(html.contains("<h3 class=\"exercise-title\">Exercise: The score grid</h3>"), html);
        assertFalse(html.contains("matrix"), "no numbers, let alone the answer, in the page: " + html);
        String defaults = render("```exercise score\n```\n");
        assertTrue(defaults.contains("data-exercise-id=\"score\" data-options=\"{}\""), defaults);
    }

    /** The chapter a body makes, as the book loader builds it. */
    static Chapter chapter(String body) {
        MarkdownRenderer.Rendered r = RENDERER.render("content/04-scores.md", body, 5);
        return new Chapter(4, "scores", "Scores", "", "content/04-scores.md", r.html(), r.outline(), false,
                r.directives(), r.links(), r.anchors());
    }

    @Test
    void theCatalogReadsWhatTheChapterDeclares() {
        List<Declaration> declared = ExerciseDirective.declaredIn(
                chapter("```exercise projection-row\n{\"which\": \"k\", \"tokens\": 4}\n```\n\n```exercise softmax-row\n```\n"));
        assertEquals(List.of("projection-row-tokens-4-which-k", "softmax-row"), declared.stream().map(Declaration::id).toList());
        assertEquals("k", declared.get(0).settings().word("which"));
        assertEquals(4, declared.get(0).settings().number("tokens"));
        assertEquals(declared.get(0).generate(7), declared.get(0).generate(7));
    }

    @Test
    void markupOrCodeThatLooksLikeAnExerciseIsNotOne() {
        String body = String.join("\n",
                "An author may show the markup an exercise becomes:",
                "",
                "<section class=\"exercise\" data-exercise=\"score-grid\" data-exercise-id=\"score-grid\" data-options=\"{}\">",
                "</section>",
                "",
                "or how one is written:",
                "",
                "````markdown",
                "```exercise softmax-row",
                "```",
                "````",
                "",
                "> A quotation that mentions ```exercise score``` in passing.",
                "",
                "```exercise score",
                "```",
                "");
        Chapter chapter = chapter(body);
        assertTrue(chapter.html().contains("data-exercise-id=\"score-grid\""), "the lookalike is in the page: " + chapter.html());
        assertEquals(List.of("score"), ExerciseDirective.declaredIn(chapter).stream().map(Declaration::id).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "```exercise\\n```|7|```exercise: name the kind: ```exercise KIND, where KIND is one of pipeline-shapes",
            "```exercise score-grids\\n```|7|```exercise: unknown exercise kind \"score-grids\"; the kinds are pipeline-shapes",
            "```exercise score-grid\\n{\"tokens\": 9}\\n```|8|```exercise: \"tokens\" must be a whole number from 2 to 3",
            "```exercise score-grid\\n{\\n  \"tokenz\": 2\\n}\\n```|9|```exercise: unknown option \"tokenz\"; the options are \"tokens\"",
            "```exercise score\\n{\"tokens\": 2.5}\\n```|8|```exercise: option \"tokens\" must be a word or a whole number, not 2.5",
            "```exercise projection-row\\n{\"which\": \"w\"}\\n```|8|```exercise: \"which\" must be one of \"q\", \"k\", \"v\", \"any\"",
            "```exercise score\\n[1, 2]\\n```|8|```exercise: an exercise's options must be a JSON object",
            "```exercise score\\n{\"tokens\": 3,}\\n```|8|```exercise: not valid JSON",
    })
    void mistakesStopStartUpNamingFileAndLine(String block, int line, String message) {
        String body = "Intro.\n\n" + block.replace("\\n", "\n") + "\n";
        ContentError error = assertThrows(ContentError.class, () -> render(body));
        String expected = "content/04-scores.md:" + line + ": " + message;
        assertTrue(error.getMessage().startsWith(expected), "expected " + expected + "\n but got " + error.getMessage());
    }
}
