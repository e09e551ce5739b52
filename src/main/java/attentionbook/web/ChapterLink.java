package attentionbook.web;

/** A chapter as the table of contents shows it; {@code number} is its place in the book, from 1. */
public record ChapterLink(int number, String slug, String title, String summary, String href) {
}
