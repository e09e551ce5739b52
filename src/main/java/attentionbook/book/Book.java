package attentionbook.book;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chapters in reading order, looked up by slug. Immutable once loaded. */
public final class Book {
    private final List<Chapter> chapters;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    public Book(List<Chapter> chapters) {
        this.chapters = List.copyOf(chapters);
        for (int i = 0; i < this.chapters.size(); i++) {
            positions.put(this.chapters.get(i).slug(), i);
        }
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    public Optional<Chapter> chapter(String slug) {
        Integer at = positions.get(slug);
        return at == null ? Optional.empty() : Optional.of(chapters.get(at));
    }

    public Optional<Chapter> previous(Chapter chapter) {
        int at = positions.get(chapter.slug());
        return at == 0 ? Optional.empty() : Optional.of(chapters.get(at - 1));
    }

    public Optional<Chapter> next(Chapter chapter) {
        int at = positions.get(chapter.slug());
        return at + 1 >= chapters.size() ? Optional.empty() : Optional.of(chapters.get(at + 1));
    }
}
