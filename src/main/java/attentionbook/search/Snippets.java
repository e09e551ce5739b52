package attentionbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A result's snippet: the best stretch of its text, HTML-escaped, the query's words marked with {@code <mark>}. */
final class Snippets {
    static final int LENGTH = 180;
    private static final SimpleHTMLEncoder ESCAPE = new SimpleHTMLEncoder();

    private final Highlighter highlighter;
    private final Analyzer analyzer;

    Snippets(Query query, Analyzer analyzer) {
        this.analyzer = analyzer;
        this.highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ESCAPE,
                new QueryScorer(query, SearchIndex.BODY));
        highlighter.setTextFragmenter(new SimpleFragmenter(LENGTH));
    }

    String of(String text) {
        try {
            String best = highlighter.getBestFragment(analyzer, SearchIndex.BODY, text);
            if (best != null) {
                return best.strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            // fall through to the text's opening
        }
        return ESCAPE.encodeText(text.length() <= LENGTH ? text : text.substring(0, LENGTH).strip() + "…");
    }
}
