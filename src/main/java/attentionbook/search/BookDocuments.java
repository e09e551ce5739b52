package attentionbook.search;

import attentionbook.book.Book;
import attentionbook.book.Chapter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the rendered book into the places a search result can link to: each chapter's opening, each
 * h2 and h3 section (by its anchor), each exercise title, and on reference pages each glossary term
 * (a list item that opens with a bold term, in the section "glossary") and each row of the symbol
 * table (in the section "symbols").
 */
public final class BookDocuments {
    private static final Pattern HEADING = Pattern.compile("<h([23])([^>]*)>(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern EXERCISE_TITLE = Pattern.compile("<h3 class=\"exercise-title\">(.*?)</h3>", Pattern.DOTALL);
    private static final Pattern GLOSSARY_ITEM = Pattern.compile("<li>\\s*(?:<p>)?\\s*<strong>(.*?)</strong>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern TABLE_ROW = Pattern.compile("<tr>\\s*<td>(.*?)</td>(.*?)</tr>", Pattern.DOTALL);

    private BookDocuments() {
    }

    /** Every chapter the book serves, listed in a course's reading order or not. */
    public static List<SearchDocument> of(Book book) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Chapter chapter : book.allChapters()) {
            documents.addAll(of(chapter));
        }
        return documents;
    }

    static List<SearchDocument> of(Chapter chapter) {
        List<SearchDocument> documents = new ArrayList<>();
        String base = "/chapters/" + chapter.slug();
        String html = chapter.html();
        Matcher heading = HEADING.matcher(html);
        int start = 0;
        String id = null;
        String name = null;
        while (true) {
            boolean found = findSection(heading);
            String part = html.substring(start, found ? heading.start() : html.length());
            if (id == null) {
                documents.add(new SearchDocument(chapter.title(), "", base, SearchDocument.Kind.CHAPTER, chapter.title(),
                        chapter.summary() + " " + HtmlText.of(part)));
            } else {
                String path = base + "#" + id;
                documents.add(new SearchDocument(chapter.title(), name, path, SearchDocument.Kind.SECTION, name, HtmlText.of(part)));
                documents.addAll(inside(chapter, id, path, part));
            }
            if (!found) {
                return documents;
            }
            Matcher idOf = ID.matcher(heading.group(2));
            idOf.find();
            id = idOf.group(1);
            name = HtmlText.of(heading.group(3));
            start = heading.end();
        }
    }

    /** Moves to the next h2 or h3 that has an anchor; an exercise's title has none and stays in its section. */
    private static boolean findSection(Matcher heading) {
        while (heading.find()) {
            if (ID.matcher(heading.group(2)).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<SearchDocument> inside(Chapter chapter, String id, String path, String html) {
        List<SearchDocument> found = new ArrayList<>();
        Matcher exercise = EXERCISE_TITLE.matcher(html);
        while (exercise.find()) {
            String title = HtmlText.of(exercise.group(1));
            found.add(new SearchDocument(chapter.title(), title, path, SearchDocument.Kind.EXERCISE,
                    title.replaceFirst("^Exercise: ", ""), title));
        }
        if (chapter.reference() && id.equals("glossary")) {
            Matcher item = GLOSSARY_ITEM.matcher(html);
            while (item.find()) {
                String term = HtmlText.of(item.group(1));
                found.add(new SearchDocument(chapter.title(), "Glossary: " + term, path, SearchDocument.Kind.TERM, term,
                        term + " " + HtmlText.of(item.group(2))));
            }
        }
        if (chapter.reference() && id.equals("symbols")) {
            Matcher row = TABLE_ROW.matcher(html);
            while (row.find()) {
                String symbol = HtmlText.of(row.group(1));
                found.add(new SearchDocument(chapter.title(), "Symbol: " + symbol, path, SearchDocument.Kind.TERM, symbol,
                        symbol + ": " + HtmlText.of(row.group(2))));
            }
        }
        return found;
    }
}
