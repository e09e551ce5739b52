package attentionbook.web;

/**
 * A chapter as the table of contents shows it; {@code number} is its place among the chapters,
 * from 1 (0 for a reference page, which has no number).
 */
public record ChapterLink(int number, String slug, String title, String summary, String href, boolean reference) {
}
