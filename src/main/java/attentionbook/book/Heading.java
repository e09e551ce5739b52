package attentionbook.book;

/** One entry of a chapter's outline: an h2 or h3 with the id its anchor links to. */
public record Heading(int level, String id, String text) {
}
