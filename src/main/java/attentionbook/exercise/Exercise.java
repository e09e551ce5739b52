package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated exercise: everything a page, a worksheet or the checker needs, computed once from
 * the kind and the seed.
 *
 * @param kind     the kind's name, e.g. "score-grid"
 * @param seed     the seed it was generated from; the same seed gives the same exercise
 * @param prompt   the question, a paragraph a string (Unicode text, math between $ signs as in the chapters)
 * @param given    the matrices the prompt refers to
 * @param answer   the exact answer, computed by the core (−∞ in masked cells)
 * @param hints    steps that guide: the method, then intermediate results, never the answer's own cells
 *                 (a grid's hints may work its first rows as examples, never the last)
 * @param solution the full worked solution, cell by cell
 * @param mistakes the usual mistakes that give a different answer here, each with its answer
 */
public record Exercise(String kind, String title, long seed, List<String> prompt, List<Table> given, AnswerForm form,
                       Matrix answer, List<WorkStep> hints, List<WorkStep> solution, List<Mistake> mistakes) {
    /** How a mistake's text names a second mistake that gives the same numbers. */
    private static final String TWIN = " (Another mistake gives the same numbers here: ";

    public Exercise {
        prompt = List.copyOf(prompt);
        given = List.copyOf(given);
        hints = List.copyOf(hints);
        solution = List.copyOf(solution);
        mistakes = List.copyOf(mistakes);
        if (answer.rows() != form.rows() || answer.cols() != form.cols()) {
            throw new IllegalArgumentException("the answer is " + answer.shape() + " but the form asks for "
                    + form.rows() + "×" + form.cols());
        }
    }

    /**
     * The exercise with only the mistakes a learner's answer can reveal: a mistake whose result
     * lies within rounding of the right answer cannot be diagnosed, and one that gives the same
     * numbers as an earlier mistake is folded into it, so that both are named.
     */
    public static Exercise of(String kind, String title, long seed, List<String> prompt, List<Table> given,
                              AnswerForm form, Matrix answer, List<WorkStep> hints, List<WorkStep> solution,
                              List<Mistake> candidates) {
        List<Mistake> kept = new ArrayList<>();
        prompt = prompt.stream().map(Tex::mark).toList();
        hints = hints.stream().map(Exercise::marked).toList();
        solution = solution.stream().map(Exercise::marked).toList();
        for (Mistake raw : candidates) {
            Mistake candidate = new Mistake(raw.key(), Tex.mark(raw.text()), raw.result());
            if (!sameShape(candidate.result(), answer) || hasNaN(candidate.result())
                    || !apart(form.rounding(), candidate.result(), answer)) {
                continue;
            }
            int twin = -1;
            for (int i = 0; i < kept.size(); i++) {
                if (!apart(form.rounding(), candidate.result(), kept.get(i).result())) {
                    twin = i;
                    break;
                }
            }
            if (twin < 0) {
                kept.add(candidate);
            } else {
                Mistake first = kept.get(twin);
                kept.set(twin, new Mistake(first.key(), first.text() + TWIN
                        + lowerFirst(candidate.text()) + ")", first.result()));
            }
        }
        return new Exercise(kind, title, seed, prompt, given, form, answer, hints, solution, kept);
    }

    /** True when a mistake with this key survived (its answer differs from the right one). */
    public boolean diagnoses(String mistakeKey) {
        return mistakes.stream().anyMatch(m -> m.key().equals(mistakeKey));
    }

    /** True when two of the mistakes give the same numbers, so the checker cannot say which one was made. */
    public boolean hasTwins() {
        return mistakes.stream().anyMatch(m -> m.text().contains(TWIN));
    }

    /** True when some cell of a and b differs by more than any rounding can explain. */
    static boolean apart(Rounding rounding, Matrix a, Matrix b) {
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                if (rounding.distinct(a.get(r, c), b.get(r, c))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameShape(Matrix a, Matrix b) {
        return a.rows() == b.rows() && a.cols() == b.cols();
    }

    private static boolean hasNaN(Matrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                if (Double.isNaN(m.get(r, c)) || m.get(r, c) == Double.POSITIVE_INFINITY) {
                    return true;
                }
            }
        }
        return false;
    }

    private static WorkStep marked(WorkStep step) {
        return new WorkStep(Tex.mark(step.text()), step.lines(), step.table());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
