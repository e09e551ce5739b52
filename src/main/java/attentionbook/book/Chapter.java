package attentionbook.book;

import java.util.List;
import java.util.Set;

/**
 * One chapter, loaded and rendered.
 *
 * @param number     the NN of its file name; chapters are read in this order
 * @param slug       the rest of the file name, its address: /chapters/{slug}
 * @param source     where it came from, for messages ("content/02-input-shapes.md")
 * @param html       the rendered body (trusted: our own renderer's output)
 * @param outline    its h2 and h3 headings
 * @param reference  true for a reference page (notation, guides): listed apart, not held to a chapter's structure
 * @param directives its directive blocks in page order, as the parser found them
 * @param links      its links' targets in page order
 * @param anchors    the ids of all its headings, which a link's "#anchor" may name
 * @param symbols    the notation table's symbols its text uses, each at its first use, in page order
 */
public record Chapter(int number, String slug, String title, String summary, String source, String html,
                      List<Heading> outline, boolean reference, List<DirectiveUse> directives, List<LinkTarget> links,
                      Set<String> anchors, List<SymbolUse> symbols) {

    /** A chapter whose symbols are not looked for (a page built without the notation table). */
    public Chapter(int number, String slug, String title, String summary, String source, String html,
                   List<Heading> outline, boolean reference, List<DirectiveUse> directives, List<LinkTarget> links,
                   Set<String> anchors) {
        this(number, slug, title, summary, source, html, outline, reference, directives, links, anchors, List.of());
    }

    public Chapter {
        symbols = List.copyOf(symbols);
        outline = List.copyOf(outline);
        directives = List.copyOf(directives);
        links = List.copyOf(links);
        anchors = Set.copyOf(anchors);
    }

    /** The blocks of one directive ("exercise"), in page order. */
    public List<DirectiveUse> uses(String directive) {
        return directives.stream().filter(d -> d.name().equals(directive)).toList();
    }
}
