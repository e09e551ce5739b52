package attentionbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The book's search: a Lucene index held in memory, built once from the rendered chapters. Each
 * {@link SearchDocument} is one Lucene document; a query's words are looked up in every field, with
 * the fields that name a place (a chapter's title, a term being defined, a heading) weighing more
 * than the running text, so the place that defines a word ranks above the places that use it.
 */
public final class SearchIndex implements AutoCloseable {
    /** Longer queries are refused: nobody types more, and each word costs a clause per field. */
    public static final int MAX_QUERY_CHARS = 200;

    static final String PAGE_TITLE = "title";
    static final String CHAPTER = "chapter";
    static final String HEADING = "heading";
    static final String TERM = "term";
    static final String BODY = "body";
    private static final String PAGE = "page";
    private static final String SECTION = "section";
    private static final String PATH = "path";
    private static final String KIND = "kind";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final long buildMillis;

    public SearchIndex(List<SearchDocument> documents) {
        long start = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (SearchDocument d : documents) {
                writer.addDocument(toLucene(d));
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the search index in memory", e);
        }
        searcher = new IndexSearcher(reader);
        buildMillis = (System.nanoTime() - start) / 1_000_000;
    }

    /** How long building the index took, for the start-up log. */
    public long buildMillis() {
        return buildMillis;
    }

    public int size() {
        return reader.numDocs();
    }

    /**
     * The best places for a query, best first, at most {@code limit}.
     *
     * @throws SearchRefused for a query that is empty, too long, or has no word to look for
     */
    public List<SearchHit> search(String text, int limit) {
        Query query = SearchQuery.of(text, analyzer);
        try {
            TopDocs top = searcher.search(query, limit);
            if (top.scoreDocs.length == 0) {
                // No place has every word: show the places that have most of them.
                top = searcher.search(SearchQuery.anyWord(text, analyzer), limit);
            }
            Snippets snippets = new Snippets(query, analyzer);
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                hits.add(new SearchHit(doc.get(PAGE), doc.get(SECTION), doc.get(PATH), snippets.of(doc.get(BODY))));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("the in-memory search index could not be read", e);
        }
    }

    private static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StoredField(PAGE, d.page()));
        doc.add(new StoredField(SECTION, d.section()));
        doc.add(new StoredField(PATH, d.path()));
        doc.add(new StringField(KIND, d.kind().name(), Field.Store.NO));
        doc.add(new TextField(BODY, d.body(), Field.Store.YES));
        switch (d.kind()) {
            case CHAPTER -> doc.add(new TextField(PAGE_TITLE, d.name(), Field.Store.NO));
            case SECTION -> {
                doc.add(new TextField(HEADING, d.name(), Field.Store.NO));
                doc.add(new TextField(CHAPTER, d.page(), Field.Store.NO));
            }
            case EXERCISE, TERM -> {
                doc.add(new TextField(TERM, d.name(), Field.Store.NO));
                doc.add(new TextField(CHAPTER, d.page(), Field.Store.NO));
            }
        }
        return doc;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        analyzer.close();
    }
}
