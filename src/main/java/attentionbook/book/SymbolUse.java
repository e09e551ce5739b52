package attentionbook.book;

/**
 * A chapter's first use of a symbol of the notation table.
 *
 * @param section the id of the h2 or h3 heading it falls under ("" before the first heading)
 */
public record SymbolUse(Symbol symbol, String section) {
}
