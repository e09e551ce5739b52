package attentionbook.records;

import java.time.Instant;

/**
 * One check of an exercise by a linked student, as recorded: nothing else is kept (no address, no
 * free text). {@code mistake} is the diagnosed mistake's name, or null when the answer was right or no
 * mistake was recognised; {@code hintsViewed} is the highest hint step the student had opened for this
 * exercise and seed before checking (0 for none), {@code solutionViewed} whether they had opened the
 * solution.
 */
public record Attempt(String studentId, String exercise, long seed, Instant time, boolean correct, String mistake,
                      int hintsViewed, boolean solutionViewed) {
}
