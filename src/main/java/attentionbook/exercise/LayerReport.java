package attentionbook.exercise;

import java.util.List;
import java.util.Map;

/**
 * How a teacher marks a whole layer worked by hand: each step the learner gave, judged against the
 * book's values and against the values their own earlier grids lead to.
 *
 * @param steps       the marks, in the order of the steps, keyed "q", "k", … (only the steps given)
 * @param firstToRedo the key of the first step marked wrong, or null when none is
 */
public record LayerReport(Map<String, Mark> steps, String firstToRedo) {

    /** "correct", "carried-forward" or "wrong". */
    public enum Verdict {
        CORRECT("correct"), CARRIED_FORWARD("carried-forward"), WRONG("wrong");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One step's mark.
     *
     * @param cause      for a step carried forward: the earliest wrong step it was computed from (else null)
     * @param message    one or two sentences for the learner
     * @param wrongCells the cells outside the rounding: against the book, or against the learner's own
     *                   earlier grids when those were wrong
     * @param diagnoses  the known mistakes whose result, on the learner's own inputs, the grid matches
     */
    public record Mark(Verdict verdict, String cause, String message, List<Cell> wrongCells,
                       List<attentionbook.exercise.Verdict.Diagnosis> diagnoses) {
        public Mark {
            wrongCells = List.copyOf(wrongCells);
            diagnoses = List.copyOf(diagnoses);
        }
    }

    /** A cell of a step's grid, 0-based; {@code head} is 0 for the steps that are not per head. */
    public record Cell(int head, int row, int col, String name) {
    }

    public long count(Verdict verdict) {
        return steps.values().stream().filter(m -> m.verdict() == verdict).count();
    }

    /** "3 steps right outright, 4 correct given your earlier answers; redo Q first." */
    public String summary() {
        long right = count(Verdict.CORRECT);
        long carried = count(Verdict.CARRIED_FORWARD);
        StringBuilder text = new StringBuilder();
        text.append(right).append(right == 1 ? " step" : " steps").append(" right outright, ").append(carried)
                .append(" correct given your earlier answers");
        if (firstToRedo == null) {
            text.append(carried == 0 ? ": all done." : ".");
        } else {
            text.append("; the first step to redo is ")
                    .append(LayerStep.fromKey(firstToRedo).map(LayerStep::title).orElse(firstToRedo)).append('.');
        }
        return text.toString();
    }
}
