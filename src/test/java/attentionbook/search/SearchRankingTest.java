package attentionbook.search;

import attentionbook.App;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled book's search: the place that defines a word comes first. */
class SearchRankingTest {
    private static SearchIndex index;

    @BeforeAll
    static void build() {
        index = new SearchIndex(BookDocuments.of(App.loadBundledBook()));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @ParameterizedTest(name = "\"{0}\" first finds {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "softmax | /chapters/softmax | ''",
            "kv cache | /chapters/kv-cache | ''",
            "KV Cache | /chapters/kv-cache | ''",
            "d_k | /chapters/notation#symbols | Symbol: d_k",
            "d_model | /chapters/notation#symbols | Symbol: d_model",
            "W_Q | /chapters/notation#symbols | Symbol: W_Q",
            "scaling | /chapters/scaling | ''",
            "multi-head | /chapters/multi-head-attention | ''",
            "causal mask | /chapters/notation#glossary | Glossary: Causal mask",
            "temperature | /chapters/notation#glossary | Glossary: Temperature",
            "rope | /chapters/attention-today#rotary-position-embedding-rope | Rotary position embedding (RoPE)",
            "soft | /chapters/softmax | ''",
            "score grid | /chapters/scores#apply-now | Exercise: The score grid",
    })
    void theDefiningPlaceComesFirst(String query, String href, String section) {
        SearchHit first = index.search(query, 5).get(0);
        assertEquals(href, first.href(), () -> "first result for " + query + ": " + first);
        assertEquals(section, first.section());
    }

    @Test
    void theSectionThatExplainsATermIsAmongItsResults() {
        List<String> hrefs = index.search("temperature", 5).stream().map(SearchHit::href).toList();
        assertTrue(hrefs.contains("/chapters/softmax#temperature"), hrefs::toString);
    }

    @Test
    void theSnippetMarksTheMatchAndEscapesEverythingElse() {
        SearchHit hit = index.search("kv cache", 3).stream().filter(h -> h.section().equals("Glossary: KV cache")).findFirst().orElseThrow();
        assertTrue(hit.snippet().startsWith("<mark>KV</mark> <mark>cache</mark>"), hit.snippet());
        String ordinary = index.search("attention knows word order", 5).get(0).snippet();
        assertFalse(ordinary.replace("<mark>", "").replace("</mark>", "").contains("<"), ordinary);
    }

    @Test
    void mathIsIndexedAsTheWordsAReaderTypes() {
        assertEquals("d_model × d_k", HtmlText.of("<span class=\"math\">d_\\text{model} \\times d_k</span>"));
        assertEquals("√d_k", HtmlText.tex("\\sqrt{d_k}"));
        assertEquals("τ", HtmlText.tex("\\tau"));
        assertEquals("d_k/d_k = 1", HtmlText.tex("\\frac{d_k}{d_k} = 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "<script>", "title:(", "*", "AND OR NOT", "\"unclosed", "a:b]", "\\", "(((", "?~^"})
    void oddQueriesAreAnsweredNeverThrown(String query) {
        try {
            index.search(query, 5).forEach(h -> assertFalse(h.snippet().contains("<script"), h.snippet()));
        } catch (SearchRefused e) {
            assertTrue(e.getMessage().contains("no word to search for"), e.getMessage());
        }
    }

    @Test
    void emptyAndOverLongQueriesAreRefusedWithAReason() {
        assertEquals("Type a word to search for.", assertThrows(SearchRefused.class, () -> index.search("  ", 5)).getMessage());
        String message = assertThrows(SearchRefused.class, () -> index.search("a".repeat(10_240), 5)).getMessage();
        assertTrue(message.contains("10240 characters long; the limit is 200"), message);
    }

    @Test
    void aWordNoPlaceHasWithTheOthersStillFindsThePlacesWithMostOfThem() {
        assertEquals("/chapters/softmax", index.search("softmax zzyzzx", 5).get(0).href());
    }

    @Test
    void instructorsPagesAndExercisesAreIndexed() {
        assertTrue(index.search("course file", 5).stream().anyMatch(h -> h.href().startsWith("/chapters/for-instructors")));
        assertTrue(index.search("size of a kv cache", 5).stream().anyMatch(h -> h.section().equals("Exercise: The size of a KV cache")));
    }
}
