package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.records.Attempt;
import attentionbook.records.RecordsUnavailable;
import attentionbook.records.Student;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Records what a linked student does with an exercise: each check as an {@link Attempt}, and the
 * hints and solutions they open. A request without a valid student cookie (or a book without a
 * roster) records nothing and its answers stay as they were. A store that fails never costs the
 * student their verdict: the check answers {@code "recorded": false} and says so in a sentence.
 */
public final class ClassRecorder {
    public static final ClassRecorder NONE = new ClassRecorder(null, Clock.systemUTC());
    static final String NOT_RECORDED = "your answer was checked but could not be recorded";
    private static final Logger LOG = LoggerFactory.getLogger(ClassRecorder.class);

    private final Classroom classroom;
    private final Clock clock;

    public ClassRecorder(Classroom classroom, Clock clock) {
        this.classroom = classroom;
        this.clock = clock;
    }

    /**
     * The check's answer for this request: {@code view} itself for an anonymous reader; for a linked
     * student, the attempt is recorded and the answer gains {@code recorded} (and {@code record_error}).
     */
    Object checked(Context ctx, String exercise, long seed, boolean correct, String mistake, Object view) {
        Optional<Student> student = StudentCookie.student(ctx, classroom);
        if (student.isEmpty()) {
            return view;
        }
        ObjectNode answer = Mappers.JSON.valueToTree(view);
        try {
            classroom.records().record(new Attempt(student.get().id(), exercise, seed, clock.instant(), correct,
                    correct ? null : mistake, 0, false));
            answer.put("recorded", true);
        } catch (RecordsUnavailable e) {
            LOG.warn("a check of {} by a linked student was not recorded: {}", exercise, e.getMessage());
            notRecorded(answer);
        } catch (RuntimeException e) {
            // a store failing in a way it did not foresee still must not cost the student the verdict
            LOG.error("a check of {} by a linked student was not recorded", exercise, e);
            notRecorded(answer);
        }
        return answer;
    }

    private static void notRecorded(ObjectNode answer) {
        answer.put("recorded", false);
        answer.put("record_error", NOT_RECORDED);
    }

    /** Notes that a linked student opened hint {@code step}; the hint is shown whether or not this is stored. */
    void hintViewed(Context ctx, String exercise, long seed, int step) {
        StudentCookie.student(ctx, classroom).ifPresent(s -> quietly(exercise,
                () -> classroom.records().hintViewed(s.id(), exercise, seed, step, clock.instant())));
    }

    void solutionViewed(Context ctx, String exercise, long seed) {
        StudentCookie.student(ctx, classroom).ifPresent(s -> quietly(exercise,
                () -> classroom.records().solutionViewed(s.id(), exercise, seed, clock.instant())));
    }

    private static void quietly(String exercise, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("a view of {} by a linked student was not noted: {}", exercise, e.getMessage());
        }
    }
}
