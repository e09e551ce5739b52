package attentionbook.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercises a book declares: by id for the API, and chapter by chapter for worksheets. The same
 * exercise declared in two chapters has one id and the same numbers. A chapter a course leaves out of
 * its reading order is still served, so its exercises and its sheet work exactly as a listed chapter's;
 * only the whole course's sheet keeps to the reading order.
 */
public final class ExerciseCatalog {
    /** Where exercises are declared: a chapter's slug (its address) and title. */
    public record ChapterRef(String slug, String title) {
    }

    /** A chapter and its exercises, in page order. */
    public record ChapterExercises(ChapterRef chapter, List<Declaration> exercises) {
    }

    private final Map<String, Declaration> byId = new LinkedHashMap<>();
    private final List<ChapterExercises> readingOrder = new ArrayList<>();
    private final List<ChapterExercises> every = new ArrayList<>();

    /**
     * Adds a chapter's exercises: the listed chapters first, in reading order, then the others.
     * A chapter without exercises is left out of the lists.
     */
    public ExerciseCatalog add(String slug, String title, boolean listed, List<Declaration> declared) {
        if (!declared.isEmpty()) {
            ChapterExercises exercises = new ChapterExercises(new ChapterRef(slug, title), List.copyOf(declared));
            every.add(exercises);
            if (listed) {
                readingOrder.add(exercises);
            }
        }
        declared.forEach(d -> byId.putIfAbsent(d.id(), d));
        return this;
    }

    public Optional<Declaration> find(String id) {
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

    public List<Declaration> all() {
        return List.copyOf(byId.values());
    }
}
