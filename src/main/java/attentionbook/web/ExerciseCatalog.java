package attentionbook.web;

import attentionbook.book.Chapter;
import attentionbook.book.Book;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises the loaded book declares: by id for the API, and chapter by chapter for
 * worksheets. The same exercise declared in two chapters has one id and the same numbers.
 */
public final class ExerciseCatalog {
    /** A chapter and its exercises, in page order. */
    public record ChapterExercises(Chapter chapter, List<ExerciseDirective.Declared> exercises) {
    }

    private final Map<String, ExerciseDirective.Declared> byId = new LinkedHashMap<>();
    private final List<ChapterExercises> chapters = new ArrayList<>();

    private ExerciseCatalog() {
    }

    public static ExerciseCatalog of(Book book) {
        ExerciseCatalog catalog = new ExerciseCatalog();
        for (Chapter chapter : book.chapters()) {
            List<ExerciseDirective.Declared> declared = ExerciseDirective.declaredIn(chapter.html());
            if (!declared.isEmpty()) {
                catalog.chapters.add(new ChapterExercises(chapter, List.copyOf(declared)));
            }
            declared.forEach(d -> catalog.byId.putIfAbsent(d.id(), d));
        }
        return catalog;
    }

    public Optional<ExerciseDirective.Declared> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The chapters that have exercises, in reading order. */
    public List<ChapterExercises> chapters() {
        return List.copyOf(chapters);
    }

    public Optional<ChapterExercises> chapter(String slug) {
        return chapters.stream().filter(c -> c.chapter().slug().equals(slug)).findFirst();
    }

    public List<ExerciseDirective.Declared> all() {
        return List.copyOf(byId.values());
    }
}
