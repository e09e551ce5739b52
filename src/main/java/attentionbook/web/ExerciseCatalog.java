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
 * worksheets. The same exercise declared in two chapters has one id and the same numbers. A chapter
 * a course leaves out of its reading order is still served, so its exercises and its sheet work
 * exactly as a listed chapter's; only the whole course's sheet keeps to the reading order.
 */
public final class ExerciseCatalog {
    /** A chapter and its exercises, in page order. */
    public record ChapterExercises(Chapter chapter, List<ExerciseDirective.Declared> exercises) {
    }

    private final Map<String, ExerciseDirective.Declared> byId = new LinkedHashMap<>();
    private final List<ChapterExercises> readingOrder = new ArrayList<>();
    private final List<ChapterExercises> every = new ArrayList<>();

    private ExerciseCatalog() {
    }

    public static ExerciseCatalog of(Book book) {
        ExerciseCatalog catalog = new ExerciseCatalog();
        List<Chapter> listedFirst = new ArrayList<>(book.chapters());
        book.allChapters().stream().filter(c -> !book.listed(c)).forEach(listedFirst::add);
        for (Chapter chapter : listedFirst) {
            List<ExerciseDirective.Declared> declared = ExerciseDirective.declaredIn(chapter.html());
            if (!declared.isEmpty()) {
                ChapterExercises exercises = new ChapterExercises(chapter, List.copyOf(declared));
                catalog.every.add(exercises);
                if (book.listed(chapter)) {
                    catalog.readingOrder.add(exercises);
                }
            }
            declared.forEach(d -> catalog.byId.putIfAbsent(d.id(), d));
        }
        return catalog;
    }

    public Optional<ExerciseDirective.Declared> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The listed chapters that have exercises, in reading order: the whole course's sheet. */
    public List<ChapterExercises> chapters() {
        return List.copyOf(readingOrder);
    }

    /** Every served chapter that has exercises: the listed ones in reading order, then the others. */
    public List<ChapterExercises> everyChapter() {
        return List.copyOf(every);
    }

    /** Any served chapter's exercises, listed in the course or not. */
    public Optional<ChapterExercises> chapter(String slug) {
        return every.stream().filter(c -> c.chapter().slug().equals(slug)).findFirst();
    }

    public List<ExerciseDirective.Declared> all() {
        return List.copyOf(byId.values());
    }
}
