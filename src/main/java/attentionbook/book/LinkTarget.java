package attentionbook.book;

/**
 * Where a link in a chapter points, as written, and the file line that writes it: the link's own line
 * for an inline link, the definition's line for a reference link ({@code [name]: target}).
 */
public record LinkTarget(String destination, int line) {
}
