package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer widget's steps name the chapter that teaches them by its title in the book being loaded, and link only to chapters it has. */
class LayerChapterLinksTest {

    private static Chapter layerChapter(Path folder, String scoresTitle) throws IOException {
        Files.writeString(folder.resolve("01-layer.md"), "---\ntitle: A layer\nsummary: The widget.\n---\n```widget layer\n```\n");
        Files.writeString(folder.resolve("02-scores.md"), "---\ntitle: \"" + scoresTitle + "\"\nsummary: Scores.\n---\nScores.\n");
        Book book = new BookLoader(new MarkdownRenderer(Map.of("widget", new WidgetDirective())))
                .load(List.of(new BookLoader.Folder(folder, "fixture")));
        return book.chapter("layer").orElseThrow();
    }

    @Test
    void aStepLinksToItsChapterByTitleEvenWhenTheChapterComesLater(@TempDir Path folder) throws IOException {
        String html = layerChapter(folder, "Scores & how they are made").html();
        assertTrue(html.contains("see <a href=\"scores\">Scores &amp; how they are made</a>"), html);
        assertFalse(html.contains("the chapter"), html);
        assertFalse(html.contains("href=\"masking\""), "this book has no masking chapter: " + html);
        JsonNode options = options(html);
        assertEquals("Scores & how they are made", options.path("chapters").path("scores").asText());
        assertEquals(1, options.path("chapters").size(), options.toString());
    }

    @Test
    void outsideALoadNoTitleIsKnown() {
        assertTrue(ChapterTitles.of("scores").isEmpty());
    }

    private static JsonNode options(String html) throws IOException {
        Matcher m = Pattern.compile("data-options=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), html);
        String json = m.group(1).replace("&#34;", "\"").replace("&quot;", "\"").replace("&amp;", "&");
        return Mappers.JSON.readTree(json);
    }
}
