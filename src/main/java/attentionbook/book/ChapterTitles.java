package attentionbook.book;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The titles of the book being loaded, by slug, for figures that link to other chapters (the layer
 * widget's steps name the chapter that teaches each one). The loader reads every chapter's front
 * matter before rendering any, so a chapter can name one that comes later; outside a load no title
 * is known, and such a figure leaves its links out rather than point at a chapter that may not exist.
 */
public final class ChapterTitles {
    private static final ThreadLocal<Map<String, String>> LOADING = ThreadLocal.withInitial(Map::of);

    private ChapterTitles() {
    }

    /** Runs the rendering of a book with its chapters' titles known. */
    static <T> T during(Map<String, String> titles, Supplier<T> rendering) {
        Map<String, String> before = LOADING.get();
        LOADING.set(Map.copyOf(titles));
        try {
            return rendering.get();
        } finally {
            LOADING.set(before);
        }
    }

    /** The title of the chapter at this slug in the book being loaded, if it has one. */
    public static Optional<String> of(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(LOADING.get().get(slug));
    }
}
