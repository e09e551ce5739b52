package attentionbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a reader typed into a Lucene query, built clause by clause from the analysed words and
 * never parsed, so quotes, brackets, {@code title:(} or {@code *} are only characters to look for.
 */
final class SearchQuery {
    /** How much a match in each field counts. A chapter's title outranks a term, a term a heading, a heading the text. */
    static final Map<String, Float> BOOSTS = Map.of(
            SearchIndex.PAGE_TITLE, 10f,
            SearchIndex.TERM, 7f,
            SearchIndex.HEADING, 5f,
            SearchIndex.CHAPTER, 1f,
            SearchIndex.BODY, 1f);
    /** Words looked up at most; the rest of a long query is ignored. */
    static final int MAX_WORDS = 12;
    /** A last word at least this long also matches as the start of a word, for results as you type. */
    static final int PREFIX_FROM = 2;

    private SearchQuery() {
    }

    /** Every word must match somewhere; the whole query as a phrase ranks higher. */
    static Query of(String text, Analyzer analyzer) {
        List<String> words = words(text, analyzer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1 && !Character.isWhitespace(text.charAt(text.length() - 1));
            query.add(word(words.get(i), last), BooleanClause.Occur.MUST);
        }
        if (words.size() > 1) {
            for (String field : List.of(SearchIndex.PAGE_TITLE, SearchIndex.TERM, SearchIndex.HEADING, SearchIndex.BODY)) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
                words.forEach(w -> phrase.add(new Term(field, w)));
                query.add(new BoostQuery(phrase.build(), BOOSTS.get(field)), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** Any word may match: the fallback when no place holds them all. */
    static Query anyWord(String text, Analyzer analyzer) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words(text, analyzer)) {
            query.add(word(word, false), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static Query word(String word, boolean prefixToo) {
        List<Query> fields = new ArrayList<>();
        for (Map.Entry<String, Float> field : BOOSTS.entrySet()) {
            fields.add(new BoostQuery(new TermQuery(new Term(field.getKey(), word)), field.getValue()));
            if (prefixToo && word.length() >= PREFIX_FROM) {
                // a word being typed: half the weight of the whole word
                fields.add(new BoostQuery(new PrefixQuery(new Term(field.getKey(), word)), field.getValue() / 2));
            }
        }
        return new DisjunctionMaxQuery(fields, 0.1f);
    }

    /** The query's words as the index holds them (lower case, stemmed, stop words gone), each once. */
    static List<String> words(String text, Analyzer analyzer) {
        if (text == null || text.isBlank()) {
            throw new SearchRefused("Type a word to search for.");
        }
        if (text.length() > SearchIndex.MAX_QUERY_CHARS) {
            throw new SearchRefused("The search is " + text.length() + " characters long; the limit is "
                    + SearchIndex.MAX_QUERY_CHARS + ". Search for a few words.");
        }
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(SearchIndex.BODY, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (words.isEmpty()) {
            throw new SearchRefused("\"" + text.strip() + "\" has no word to search for: try a word such as softmax or d_k.");
        }
        return List.copyOf(words);
    }
}
