package attentionbook.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Previously defined" box of each chapter: the notation table's symbols a chapter uses that an
 * earlier chapter of the reading order used first, each linked to the section of that first use.
 * The book defines every symbol where it first uses it, so the first use is the definition; nothing
 * here is written by hand.
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

    /** Where one symbol was first used. */
    private record Definition(Symbol symbol, int chapterNumber, String chapterTitle, String href) {
    }

    /** A chapter's recap; empty for the first chapter, a reference page or a chapter outside the reading order. */
    public record Recap(List<Item> items) {
        public Recap {
            items = List.copyOf(items);
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private static final Recap NONE = new Recap(List.of());

    private final Map<String, Recap> bySlug = new HashMap<>();

    public Recaps(Book book) {
        Map<String, Definition> defined = new HashMap<>();
        int number = 0;
        for (Chapter chapter : book.chapters()) {
            if (chapter.reference()) {
                continue;
            }
            number++;
            bySlug.put(chapter.slug(), new Recap(recalled(chapter, defined)));
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

    public Recap of(Chapter chapter) {
        return bySlug.getOrDefault(chapter.slug(), NONE);
    }
}
