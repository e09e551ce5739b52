package attentionbook.book;

import attentionbook.App;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Learning the weights" sits between the full picture and the KV cache, and links to the lab. */
class LearningChapterTest {

    @Test
    void comesRightAfterTheFullPictureAndBeforeTheKvCache() {
        List<String> slugs = App.loadBundledBook().chapters().stream().map(Chapter::slug).toList();
        int at = slugs.indexOf("training-the-weights");
        assertEquals("the-full-picture", slugs.get(at - 1), slugs.toString());
        assertEquals("kv-cache", slugs.get(at + 1), slugs.toString());
    }

    @Test
    void linksToTheLabRelatively() {
        String html = App.loadBundledBook().chapter("training-the-weights").orElseThrow().html();
        // relative, so that /prefix/chapters/… leads to /prefix/lab under a base path
        assertTrue(html.contains("<a href=\"../lab\">"), "a link to the lab");
    }
}
