package attentionbook.book;

import java.util.List;

/**
 * One chapter, loaded and rendered.
 *
 * @param number  the NN of its file name; chapters are read in this order
 * @param slug    the rest of the file name, its address: /chapters/{slug}
 * @param source  where it came from, for messages ("content/02-input-shapes.md")
 * @param html    the rendered body (trusted: our own renderer's output)
 * @param outline its h2 and h3 headings
 * @param reference true for a reference page (notation, guides): listed apart, not held to a chapter's structure
 */
public record Chapter(int number, String slug, String title, String summary, String source, String html,
                      List<Heading> outline, boolean reference) {
}
