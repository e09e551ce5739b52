package attentionbook.search;

/**
 * One place the search can send a reader to: a chapter's opening, one of its sections, an exercise,
 * a glossary term or a row of the notation table.
 *
 * @param page    the title of the page it is on ("Softmax", "Notation")
 * @param section the place on that page ("Stable softmax: subtract the maximum", "Glossary: KV cache"),
 *                empty for a chapter's opening
 * @param path    its address within the book, anchor included ("/chapters/softmax#temperature")
 * @param kind    what it is; decides which fields carry its name
 * @param name    the words that name it: its heading, term, symbol or exercise title
 * @param body    its text, math flattened to words
 */
public record SearchDocument(String page, String section, String path, Kind kind, String name, String body) {

    public enum Kind {
        /** a chapter's title and its opening paragraphs */
        CHAPTER,
        /** an h2 or h3 section */
        SECTION,
        /** an exercise's title, found in the section that holds it */
        EXERCISE,
        /** a glossary entry or a symbol of the notation table: a name that is defined right there */
        TERM
    }
}
