package attentionbook.records;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A course's records of who checked what, on an embedded database or PostgreSQL (the same schema,
 * migrated at open). Every method throws {@link RecordsUnavailable} when the storage fails; a write
 * has returned only once it is committed.
 */
public interface ClassRecords extends AutoCloseable {

    /** Notes that a student opened hint {@code step} (from 1) of an exercise's numbers {@code seed}. */
    void hintViewed(String studentId, String exercise, long seed, int step, Instant time);

    /** Notes that a student opened the solution of an exercise's numbers {@code seed}. */
    void solutionViewed(String studentId, String exercise, long seed, Instant time);

    /**
     * Records one check. The attempt's {@code hintsViewed} and {@code solutionViewed} are ignored: the
     * store fills them from the views noted for the same student, exercise and seed. Returns what was stored.
     */
    Attempt record(Attempt attempt);

    /** Every attempt, oldest first, one at a time (for a CSV of any size). */
    void eachAttempt(Consumer<Attempt> each);

    /** One student's attempts, oldest first. */
    List<Attempt> history(String studentId);

    /** One row per student and exercise that has at least one attempt. */
    List<Progress> progress();

    /** The diagnosed mistakes with their counts, most frequent first within each exercise. */
    List<MistakeCount> mistakes();

    /** Deletes everything recorded of a student; returns how many attempts went. */
    int deleteStudent(String studentId);

    @Override
    void close();
}
