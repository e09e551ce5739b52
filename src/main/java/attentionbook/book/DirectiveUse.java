package attentionbook.book;

/**
 * A directive block as a chapter writes it, found by the markdown parser (so a fence shown inside a
 * longer code fence, or markup that merely looks like a directive's output, is not one).
 *
 * @param name     the directive ("exercise" in {@code ```exercise score-grid})
 * @param argument the rest of the info string ("score-grid"), maybe empty
 * @param body     the block's text
 * @param line     the file line of its opening fence, for messages
 */
public record DirectiveUse(String name, String argument, String body, int line) {
}
