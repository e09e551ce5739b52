package attentionbook.records;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every store does, on whichever database a subclass opens (an empty one for each test). */
abstract class ClassRecordsContract {
    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    ClassRecords store;

    /** A store on an empty database. */
    abstract ClassRecords openEmpty();

    @BeforeEach
    void open() {
        store = openEmpty();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Attempt check(String student, String exercise, long seed, int minute, boolean correct, String mistake) {
        return new Attempt(student, exercise, seed, T0.plusSeconds(60L * minute), correct, mistake, 0, false);
    }

    @Test
    void recordsAndReadsBackEveryField() {
        Attempt stored = store.record(new Attempt("s-1", "softmax-row", 42, T0.plusNanos(123_456_789), false,
                "forgot-max-shift", 7, true));
        // the store fills hints and solution from the views (none yet) and keeps microseconds
        Attempt expected = new Attempt("s-1", "softmax-row", 42, T0.plusNanos(123_456_000), false, "forgot-max-shift", 0, false);
        assertEquals(expected, stored);
        assertEquals(List.of(expected), store.history("s-1"));
        List<Attempt> all = new ArrayList<>();
        store.eachAttempt(all::add);
        assertEquals(List.of(expected), all);
    }

    @Test
    void historyIsOneStudentsOldestFirst() {
        store.record(check("a", "e1", 1, 0, false, "m1"));
        store.record(check("b", "e1", 1, 1, true, null));
        store.record(check("a", "e1", 1, 2, true, null));
        store.record(check("a", "e2", 5, 3, false, null));
        assertEquals(List.of(check("a", "e1", 1, 0, false, "m1"), check("a", "e1", 1, 2, true, null),
                check("a", "e2", 5, 3, false, null)), store.history("a"));
        assertEquals(List.of(), store.history("nobody"));
        List<String> order = new ArrayList<>();
        store.eachAttempt(a -> order.add(a.studentId() + a.time().getEpochSecond() % 3600 / 60));
        assertEquals(List.of("a0", "b1", "a2", "a3"), order);
    }

    @Test
    void progressCountsChecksAndSolvedPerStudentAndExercise() {
        store.record(check("a", "e1", 1, 0, false, "m1"));
        store.record(check("a", "e1", 1, 1, true, null));
        store.record(check("a", "e1", 1, 2, false, "m2"));
        store.record(check("a", "e2", 1, 3, false, "m1"));
        store.record(check("b", "e1", 9, 4, false, null));
        assertEquals(List.of(new Progress("a", "e1", 3, true), new Progress("a", "e2", 1, false),
                new Progress("b", "e1", 1, false)), store.progress());
    }

    @Test
    void mistakesAreCountedMostFrequentFirstWithinEachExercise() {
        store.record(check("a", "e1", 1, 0, false, "rare"));
        store.record(check("a", "e1", 1, 1, false, "common"));
        store.record(check("b", "e1", 1, 2, false, "common"));
        store.record(check("c", "e1", 1, 3, false, null));
        store.record(check("c", "e1", 1, 4, true, null));
        store.record(check("c", "e0", 1, 5, false, "only"));
        assertEquals(List.of(new MistakeCount("e0", "only", 1), new MistakeCount("e1", "common", 2),
                new MistakeCount("e1", "rare", 1)), store.mistakes());
    }

    @Test
    void viewsFillHintsAndSolutionOfTheSameStudentExerciseAndSeed() {
        store.hintViewed("a", "e1", 7, 1, T0);
        store.hintViewed("a", "e1", 7, 3, T0);
        store.hintViewed("a", "e1", 7, 2, T0);
        store.hintViewed("a", "e1", 8, 4, T0);      // other numbers
        store.hintViewed("b", "e1", 7, 5, T0);      // another student
        store.solutionViewed("a", "e2", 7, T0);     // another exercise
        assertEquals(3, store.record(check("a", "e1", 7, 1, false, null)).hintsViewed());
        assertEquals(false, store.history("a").get(0).solutionViewed());
        store.solutionViewed("a", "e1", 7, T0);
        Attempt after = store.record(check("a", "e1", 7, 2, true, null));
        assertEquals(3, after.hintsViewed());
        assertTrue(after.solutionViewed());
        assertEquals(List.of(0, 3, 3), List.of(store.record(check("a", "e1", 6, 3, true, null)).hintsViewed(),
                store.history("a").get(0).hintsViewed(), store.history("a").get(1).hintsViewed()));
        assertEquals(List.of(false, true), List.of(store.history("a").get(0).solutionViewed(),
                store.history("a").get(1).solutionViewed()));
    }

    @Test
    void deletingAStudentRemovesOnlyTheirRecords() {
        store.record(check("a", "e1", 1, 0, false, "m1"));
        store.record(check("a", "e2", 1, 1, true, null));
        store.hintViewed("a", "e3", 1, 1, T0);
        store.record(check("b", "e1", 1, 2, false, "m1"));
        assertEquals(2, store.deleteStudent("a"));
        assertEquals(List.of(), store.history("a"));
        assertEquals(List.of(new Progress("b", "e1", 1, false)), store.progress());
        assertEquals(List.of(new MistakeCount("e1", "m1", 1)), store.mistakes());
        // the deleted student's hint went too: a new check starts from nothing seen
        assertEquals(0, store.record(check("a", "e3", 1, 3, false, null)).hintsViewed());
        assertEquals(0, store.deleteStudent("nobody"));
    }

    @Test
    void aClosedStoreAnswersRecordsUnavailableAndClosesOnlyOnce() {
        store.close();
        store.close();
        assertThrows(RecordsUnavailable.class, () -> store.record(check("a", "e1", 1, 0, true, null)));
        assertThrows(RecordsUnavailable.class, () -> store.hintViewed("a", "e1", 1, 1, T0));
        assertThrows(RecordsUnavailable.class, store::progress);
        assertThrows(RecordsUnavailable.class, store::mistakes);
        assertThrows(RecordsUnavailable.class, () -> store.history("a"));
        assertThrows(RecordsUnavailable.class, () -> store.eachAttempt(a -> { }));
        assertThrows(RecordsUnavailable.class, () -> store.deleteStudent("a"));
    }
}
