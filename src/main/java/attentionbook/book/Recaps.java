package attentionbook.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The "Previously defined" box of each chapter: the notation table's symbols a chapter uses that an
 * earlier chapter of the reading order used first, each linked to the section of that first use, and
 * the glossary's terms its text uses that an earlier chapter defines, linked to that section. The book
 * defines every symbol where it first uses it, so the first use is the definition, and the glossary
 * links each term to its definition; nothing here is written by hand.
 */
public final class Recaps {
    /** Symbols to recall that share a meaning (Q, K and V share a row), and where they were defined. */
    public record Item(List<Symbol> symbols, int chapterNumber, String chapterTitle, String href) {
        public Item {
            symbols = List.copyOf(symbols);
        }

        /** The symbols as one formula, "Q, K, V". */
        public String tex() {
            return String.join(", ", symbols.stream().map(Symbol::tex).toList());
        }

        public String shortMeaning() {
            return symbols.get(0).shortMeaning();
        }
    }

    /** A glossary term an earlier chapter defines, and where. */
    public record Idea(String name, int chapterNumber, String chapterTitle, String href) {
    }

    /** Where one symbol was first used. */
    private record Definition(Symbol symbol, int chapterNumber, String chapterTitle, String href) {
    }

    /** A chapter's recap; empty for the first chapter, a reference page or a chapter outside the reading order. */
    public record Recap(List<Item> items, List<Idea> ideas) {
        public Recap {
            items = List.copyOf(items);
            ideas = List.copyOf(ideas);
        }

        public boolean isEmpty() {
            return items.isEmpty() && ideas.isEmpty();
        }
    }

    private static final Recap NONE = new Recap(List.of(), List.of());
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final Map<String, Recap> bySlug = new HashMap<>();

    public Recaps(Book book) {
        Map<String, Definition> defined = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (Chapter chapter : book.chapters()) {
            if (!chapter.reference()) {
                numbers.put(chapter.slug(), numbers.size() + 1);
            }
        }
        Map<Glossary.Term, Pattern> spellings = new HashMap<>();
        book.glossary().terms().forEach(term -> spellings.put(term, spelling(term)));
        List<Chapter> inOrder = book.chapters().stream().filter(c -> !c.reference()).toList();
        // Finding the terms is a search of each chapter's whole text (start-up waits for it), and no
        // chapter's search needs another's: they run at once, their results kept in the chapters' order.
        List<List<Idea>> ideas = IntStream.range(0, inOrder.size()).parallel()
                .mapToObj(i -> ideas(book, inOrder.get(i), i + 1, numbers, spellings)).toList();
        for (int i = 0; i < inOrder.size(); i++) {
            Chapter chapter = inOrder.get(i);
            int number = i + 1;
            bySlug.put(chapter.slug(), new Recap(recalled(chapter, defined), ideas.get(i)));
            for (SymbolUse use : chapter.symbols()) {
                String href = chapter.slug() + (use.section().isEmpty() ? "" : "#" + use.section());
                defined.putIfAbsent(use.symbol().key(), new Definition(use.symbol(), number, chapter.title(), href));
            }
        }
    }

    /** The chapter's symbols defined earlier, in the order it uses them, those of one row and one place merged. */
    private static List<Item> recalled(Chapter chapter, Map<String, Definition> defined) {
        Map<List<String>, List<Symbol>> groups = new LinkedHashMap<>();
        Map<List<String>, Definition> places = new HashMap<>();
        for (SymbolUse use : chapter.symbols()) {
            Definition earlier = defined.get(use.symbol().key());
            if (earlier != null) {
                List<String> group = List.of(earlier.symbol().meaning(), earlier.href());
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(earlier.symbol());
                places.putIfAbsent(group, earlier);
            }
        }
        List<Item> items = new ArrayList<>();
        groups.forEach((group, symbols) -> {
            Definition place = places.get(group);
            items.add(new Item(symbols, place.chapterNumber(), place.chapterTitle(), place.href()));
        });
        return items;
    }

    /** The glossary's terms the chapter's text uses whose defining chapter comes earlier, in the order of those chapters. */
    private static List<Idea> ideas(Book book, Chapter chapter, int number, Map<String, Integer> numbers,
                                    Map<Glossary.Term, Pattern> spellings) {
        String text = TAG.matcher(chapter.html()).replaceAll(" ").replace("&amp;", "&");
        List<Idea> ideas = new ArrayList<>();
        for (Glossary.Term term : book.glossary().terms()) {
            Integer where = numbers.get(term.definedIn());
            if (where != null && where < number && spellings.get(term).matcher(text).find()) {
                ideas.add(new Idea(term.name(), where, book.chapter(term.definedIn()).orElseThrow().title(), term.definedAt()));
            }
        }
        ideas.sort(Comparator.comparingInt(Idea::chapterNumber));
        return ideas;
    }

    /** Any of a term's spellings as a whole word, any case, singular or plural ("query" finds "queries"). */
    private static Pattern spelling(Glossary.Term term) {
        List<String> words = new ArrayList<>();
        for (String spelling : term.spellings()) {
            words.add(spelling.endsWith("y")
                    ? Pattern.quote(spelling.substring(0, spelling.length() - 1)) + "(?:y|ies)"
                    : Pattern.quote(spelling) + "(?:s|es)?");
        }
        if (words.isEmpty()) {
            return Pattern.compile("(?!)");   // a term with no spelling is never found
        }
        return Pattern.compile("(?<![\\w-])(?:" + String.join("|", words) + ")(?![\\w-])", Pattern.CASE_INSENSITIVE);
    }

    public Recap of(Chapter chapter) {
        return bySlug.getOrDefault(chapter.slug(), NONE);
    }
}
