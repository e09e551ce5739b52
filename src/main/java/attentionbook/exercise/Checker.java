package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks an answer against an exercise: which cells are outside the stated rounding, and which
 * known mistake, if any, gives exactly the learner's numbers.
 */
public final class Checker {
    private Checker() {
    }

    /** The answer must already have the form's shape (the web layer says what is wrong with it otherwise). */
    public static Verdict check(Exercise exercise, double[][] cells) {
        AnswerForm form = exercise.form();
        if (cells.length != form.rows() || cells[0].length != form.cols()) {
            throw new IllegalArgumentException("the answer must be " + form.rows() + "×" + form.cols());
        }
        Matrix given = Matrix.of(cells);
        Rounding rounding = form.rounding();
        List<Verdict.Cell> wrong = new ArrayList<>();
        for (int r = 0; r < form.rows(); r++) {
            for (int c = 0; c < form.cols(); c++) {
                if (!rounding.accepts(cells[r][c], exercise.answer().get(r, c))) {
                    wrong.add(new Verdict.Cell(r, c, form.cellName(r, c)));
                }
            }
        }
        if (wrong.isEmpty()) {
            return new Verdict(true, "Correct: " + (form.type().equals("number") ? "that is the answer."
                    : "every cell is right."), List.of(), List.of(), List.of());
        }
        List<Verdict.Diagnosis> diagnoses = new ArrayList<>();
        for (Mistake mistake : exercise.mistakes()) {
            if (resembles(rounding, given, mistake.result())) {
                diagnoses.add(new Verdict.Diagnosis(mistake.key(), mistake.text()));
            }
        }
        List<String> notes = diagnoses.isEmpty() ? notes(exercise, given, wrong) : List.of();
        return new Verdict(false, message(form, wrong), wrong, diagnoses, notes);
    }

    /** True when every cell of {@code given} is the mistaken result, rounded as the prompt asks. */
    static boolean resembles(Rounding rounding, Matrix given, Matrix mistaken) {
        for (int r = 0; r < mistaken.rows(); r++) {
            for (int c = 0; c < mistaken.cols(); c++) {
                if (!Mistake.cellMatches(rounding, given.get(r, c), mistaken.get(r, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String message(AnswerForm form, List<Verdict.Cell> wrong) {
        int cells = form.rows() * form.cols();
        if (cells == 1) {
            return "Not yet: that is not the answer.";
        }
        if (wrong.size() == cells) {
            return "Not yet: none of the " + cells + " cells is right.";
        }
        List<String> names = wrong.stream().map(Verdict.Cell::name).toList();
        String list = names.size() <= 4 ? join(names) : join(names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        return "Not yet: " + (wrong.size() == 1 ? "1 of " + cells + " cells is off: " : wrong.size() + " of " + cells
                + " cells are off: ") + list + ". The rest are right.";
    }

    /** Observations for an answer no known mistake explains: a transposed grid, flipped signs, near misses. */
    private static List<String> notes(Exercise exercise, Matrix given, List<Verdict.Cell> wrong) {
        Matrix answer = exercise.answer();
        Rounding rounding = exercise.form().rounding();
        List<String> notes = new ArrayList<>();
        if (answer.rows() == answer.cols() && answer.rows() > 1 && resembles(rounding, given, answer.transpose())) {
            notes.add("Your grid is the right one mirrored across its diagonal: rows and columns are swapped.");
        }
        boolean allFlipped = true;
        boolean allNear = true;
        for (Verdict.Cell cell : wrong) {
            double g = given.get(cell.row(), cell.col());
            double e = answer.get(cell.row(), cell.col());
            allFlipped &= Double.isFinite(e) && e != 0 && rounding.accepts(-g, e);
            allNear &= Double.isFinite(e) && Double.isFinite(g) && Math.abs(g - e) <= 3 * Math.max(rounding.tolerance(),
                    Math.pow(10, -rounding.decimals()));
        }
        if (allFlipped) {
            notes.add("Each wrong cell has the right size but the wrong sign: check the signs of the products.");
        } else if (allNear && !rounding.exact()) {
            notes.add("The wrong cells are close: round only at the end, to the nearest value with "
                    + rounding.decimals() + " decimals.");
        }
        return notes;
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join("; ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
