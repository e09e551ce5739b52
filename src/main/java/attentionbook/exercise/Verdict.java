package attentionbook.exercise;

import java.util.List;

/**
 * What the checker says about an answer.
 *
 * @param correct    every cell within the rounding
 * @param message    one or two sentences for the learner, naming the wrong cells
 * @param wrongCells the cells outside the rounding, 0-based, with their names
 * @param diagnoses  the known mistakes whose answer the learner's matches, in plain words
 * @param notes      milder observations (a sign flipped, a rounding slip)
 */
public record Verdict(boolean correct, String message, List<Cell> wrongCells, List<Diagnosis> diagnoses,
                      List<String> notes) {

    public Verdict {
        wrongCells = List.copyOf(wrongCells);
        diagnoses = List.copyOf(diagnoses);
        notes = List.copyOf(notes);
    }

    /** A cell of the answer, 0-based, and the name feedback uses for it ("row 2, column 1"). */
    public record Cell(int row, int col, String name) {
    }

    /** A recognised mistake: its key and what it is, in plain words. */
    public record Diagnosis(String key, String text) {
    }
}
