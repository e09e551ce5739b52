package attentionbook.book;

import attentionbook.App;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notation page's glossary as data: each term, what a chapter may call it, and where it is defined. */
class GlossaryTest {
    static final String GLOSSARY = """
            ## Symbols

            - **Not a term**: a list outside the glossary. See [Elsewhere](one).

            ## Glossary

            - **Causal mask**: hides the future. See [Two](two#the-mask).
            - **Grouped-query attention** (GQA): query heads share keys and values;
              see [a paper](https://example.org/gqa) and [Three](three#groups).
            - **Temperature** ($\\tau$): divides the scores.
            - **Query, key, value**: three projections. See [the table](#symbols), [One](one).

            ## After
            - **Also not a term**: past the glossary.
            """;

    @Test
    void eachTermHasItsSpellingsAndTheFirstLinkIntoTheBook() {
        List<Glossary.Term> terms = Glossary.parse(GLOSSARY).terms();
        assertEquals(List.of(
                new Glossary.Term("Causal mask", List.of("causal mask"), "two#the-mask"),
                new Glossary.Term("Grouped-query attention", List.of("grouped-query attention", "gqa"), "three#groups"),
                new Glossary.Term("Temperature", List.of("temperature"), null),
                new Glossary.Term("Query, key, value", List.of("query", "key", "value"), "one")), terms,
                "a link to another site or to the page itself does not say where a term is defined; math is no abbreviation");
        assertEquals("three", terms.get(1).definedIn());
        assertNull(terms.get(2).definedIn());
    }

    @Test
    void aPageWithoutAGlossaryHasNoTerms() {
        assertEquals(List.of(), Glossary.parse("## Symbols\n\n| $T$ | length | n |\n").terms());
    }

    /** The bundled glossary links every term to a section whose text uses the term: a recap never points nowhere. */
    @Test
    void everyBundledTermIsDefinedInASectionThatNamesIt() {
        Book book = App.loadBundledBook();
        List<Glossary.Term> terms = book.glossary().terms();
        assertTrue(terms.size() >= 20, terms.size() + " terms");
        for (Glossary.Term term : terms) {
            assertNotNull(term.definedAt(), term.name() + " links to no section");
            String[] place = term.definedAt().split("#", 2);
            Chapter chapter = book.chapter(place[0]).orElseThrow(() -> new AssertionError(term.name() + ": no chapter " + place[0]));
            assertTrue(place.length == 2 && chapter.anchors().contains(place[1]), term.name() + ": no section " + term.definedAt());
            String section = section(chapter.html(), place[1]).toLowerCase(Locale.ROOT);
            assertTrue(term.spellings().stream().anyMatch(s -> section.contains(s.endsWith("y") ? s.substring(0, s.length() - 1) : s)),
                    term.name() + " is not named in " + term.definedAt());
        }
    }

    /** The text from a heading to the next heading of any level. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        int end = html.indexOf("<h", start + 1);
        while (end >= 0 && !Pattern.compile("<h[1-6][ >]").matcher(html.substring(end, Math.min(html.length(), end + 4))).lookingAt()) {
            end = html.indexOf("<h", end + 1);
        }
        return html.substring(start, end < 0 ? html.length() : end).replaceAll("<[^>]*>", " ");
    }
}
