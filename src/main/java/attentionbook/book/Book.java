package attentionbook.book;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chapters in reading order, looked up by slug. A course may leave some chapters out of its
 * reading order: they are still served (so no link breaks) but not listed. Immutable once loaded.
 */
public final class Book {
    private final List<Chapter> chapters;
    private final Glossary glossary;
    private final Map<String, Chapter> all = new LinkedHashMap<>();
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    public Book(List<Chapter> chapters) {
        this(chapters, Glossary.EMPTY);
    }

    /** @param glossary the notation page's glossary, which the chapters' recaps recall terms from */
    public Book(List<Chapter> chapters, Glossary glossary) {
        this(chapters, chapters, glossary);
    }

    private Book(List<Chapter> readingOrder, List<Chapter> everything, Glossary glossary) {
        this.chapters = List.copyOf(readingOrder);
        this.glossary = glossary;
        everything.forEach(c -> all.put(c.slug(), c));
        for (int i = 0; i < this.chapters.size(); i++) {
            positions.put(this.chapters.get(i).slug(), i);
        }
    }

    /** The reading order: what the contents page and the sidebar list. */
    public List<Chapter> chapters() {
        return chapters;
    }

    public Glossary glossary() {
        return glossary;
    }

    /** Every chapter, listed or not. */
    public List<Chapter> allChapters() {
        return List.copyOf(all.values());
    }

    public Optional<Chapter> chapter(String slug) {
        return Optional.ofNullable(all.get(slug));
    }

    public boolean listed(Chapter chapter) {
        return positions.containsKey(chapter.slug());
    }

    public Optional<Chapter> previous(Chapter chapter) {
        Integer at = positions.get(chapter.slug());
        return at == null || at == 0 ? Optional.empty() : Optional.of(chapters.get(at - 1));
    }

    public Optional<Chapter> next(Chapter chapter) {
        Integer at = positions.get(chapter.slug());
        return at == null || at + 1 >= chapters.size() ? Optional.empty() : Optional.of(chapters.get(at + 1));
    }

    /**
     * A reading order of the given chapter slugs, in that order; reference pages are always kept,
     * after the chapters. Throws {@link NotSelectable} naming the slug that cannot be listed and its
     * place in the list.
     */
    public Book select(List<String> slugs) {
        List<Chapter> order = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            Chapter c = all.get(slug);
            if (c == null) {
                throw new NotSelectable(i, "no chapter has the slug \"" + slug + "\" (the chapters are "
                        + String.join(", ", all.values().stream().filter(ch -> !ch.reference()).map(Chapter::slug).toList()) + ")");
            }
            if (c.reference()) {
                throw new NotSelectable(i, "\"" + slug + "\" is a reference page, always listed; leave it out of the chapters");
            }
            if (order.contains(c)) {
                throw new NotSelectable(i, "\"" + slug + "\" is listed twice");
            }
            order.add(c);
        }
        all.values().stream().filter(Chapter::reference).forEach(order::add);
        return new Book(order, List.copyOf(all.values()), glossary);
    }

    /** A slug a reading order cannot hold, and its index in the list given. */
    public static final class NotSelectable extends IllegalArgumentException {
        private final int index;

        NotSelectable(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
