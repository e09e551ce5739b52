package attentionbook.search;

/**
 * One result.
 *
 * @param title   the page it is on
 * @param section the place on the page, empty for a chapter's opening
 * @param href    its address within the book (without any base path)
 * @param snippet HTML: text around the match, escaped, with the matching words in {@code <mark>}
 */
public record SearchHit(String title, String section, String href, String snippet) {
}
