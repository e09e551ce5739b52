package attentionbook.book;

/** A chapter's first use of a symbol of the notation table, and the section it is in ("" before any). */
public record SymbolUse(String key, String section) {
}
