package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks a whole layer with error carried forward. Each step the learner gave is compared with the
 * book's value and with the value recomputed from the learner's own grids for its inputs (the book's
 * where they gave none):
 * <ul>
 *   <li>correct: every cell within the rounding of the book's value, or every input right and every
 *       cell within the rounding of the value their (rounded) inputs give;</li>
 *   <li>carried forward: some input was not right, and the step is right for the inputs they had;</li>
 *   <li>wrong: otherwise, naming the cells and any known mistake that, applied to their own inputs,
 *       gives their grid.</li>
 * </ul>
 */
public final class LayerMarker {
    private LayerMarker() {
    }

    /** {@code answers} holds the steps the learner gave, each with the grids of the step's shape. */
    public static LayerReport mark(LayerProblem p, Map<LayerStep, List<Matrix>> answers) {
        Map<LayerStep, List<Matrix>> book = p.book();
        Map<LayerStep, List<Matrix>> basis = new EnumMap<>(book);
        basis.putAll(answers);
        Map<LayerStep, LayerReport.Mark> marks = new EnumMap<>(LayerStep.class);
        Map<String, LayerReport.Mark> out = new LinkedHashMap<>();
        String firstToRedo = null;
        for (LayerStep step : p.steps()) {
            List<Matrix> given = answers.get(step);
            if (given == null) {
                continue;
            }
            LayerReport.Mark mark = markStep(p, step, given, book, basis, marks);
            marks.put(step, mark);
            out.put(step.key(), mark);
            if (mark.verdict() == LayerReport.Verdict.WRONG && firstToRedo == null) {
                firstToRedo = step.key();
            }
        }
        return new LayerReport(out, firstToRedo);
    }

    private static LayerReport.Mark markStep(LayerProblem p, LayerStep step, List<Matrix> given,
                                             Map<LayerStep, List<Matrix>> book, Map<LayerStep, List<Matrix>> basis,
                                             Map<LayerStep, LayerReport.Mark> marks) {
        Rounding rounding = step.rounding();
        List<LayerReport.Cell> offBook = off(p, step, rounding, given, book.get(step));
        String cause = cause(p, step, marks);
        List<Matrix> own = p.compute(step, basis);
        List<LayerReport.Cell> offOwn = off(p, step, rounding, given, own);
        if (offBook.isEmpty() || cause == null && offOwn.isEmpty()) {
            return new LayerReport.Mark(LayerReport.Verdict.CORRECT, null, "Correct.", List.of(), List.of());
        }
        if (cause != null && offOwn.isEmpty()) {
            String title = LayerStep.fromKey(cause).orElseThrow().title();
            return new LayerReport.Mark(LayerReport.Verdict.CARRIED_FORWARD, cause, "You worked this step right from"
                    + " your own " + title + ". Revisit " + title + " first.",
                    List.of(), List.of());
        }
        List<LayerReport.Cell> wrong = cause == null ? offBook : offOwn;
        List<Verdict.Diagnosis> diagnoses = new ArrayList<>();
        for (LayerMistakes.Slip slip : LayerMistakes.of(p, step, basis)) {
            if (distinct(rounding, slip.result(), own) && resembles(rounding, given, slip.result())) {
                diagnoses.add(new Verdict.Diagnosis(slip.key(), Tex.mark(slip.text())));
            }
        }
        String against = cause == null ? "" : " (checked against what your own earlier grids give)";
        return new LayerReport.Mark(LayerReport.Verdict.WRONG, null, wrong.size() + (wrong.size() == 1 ? " cell is" : " cells are")
                + " off" + against + ": " + names(wrong) + ".", wrong, diagnoses);
    }

    /** The earliest wrong step among the inputs this step was computed from, or null when all were right. */
    private static String cause(LayerProblem p, LayerStep step, Map<LayerStep, LayerReport.Mark> marks) {
        String earliest = null;
        int at = Integer.MAX_VALUE;
        for (LayerStep input : step.inputs(p.causal())) {
            LayerReport.Mark mark = marks.get(input);
            if (mark == null || mark.verdict() == LayerReport.Verdict.CORRECT) {
                continue;
            }
            String root = mark.verdict() == LayerReport.Verdict.WRONG ? input.key() : mark.cause();
            int order = LayerStep.fromKey(root).orElseThrow().ordinal();
            if (order < at) {
                at = order;
                earliest = root;
            }
        }
        return earliest;
    }

    /** The cells of {@code given} not accepted for {@code expected}; a cell with no expected value (NaN) counts as off. */
    private static List<LayerReport.Cell> off(LayerProblem p, LayerStep step, Rounding rounding, List<Matrix> given,
                                              List<Matrix> expected) {
        List<LayerReport.Cell> cells = new ArrayList<>();
        for (int h = 0; h < given.size(); h++) {
            for (int r = 0; r < given.get(h).rows(); r++) {
                for (int c = 0; c < given.get(h).cols(); c++) {
                    if (!rounding.accepts(given.get(h).get(r, c), expected.get(h).get(r, c))) {
                        cells.add(new LayerReport.Cell(h, r, c, cellName(p, step, h, r, c)));
                    }
                }
            }
        }
        return cells;
    }

    private static boolean resembles(Rounding rounding, List<Matrix> given, List<Matrix> mistaken) {
        for (int h = 0; h < given.size(); h++) {
            if (!Checker.resembles(rounding, given.get(h), mistaken.get(h))) {
                return false;
            }
        }
        return true;
    }

    /** True when some cell of the mistake's result is farther from the right one than rounding explains. */
    private static boolean distinct(Rounding rounding, List<Matrix> mistaken, List<Matrix> right) {
        for (int h = 0; h < right.size(); h++) {
            for (int r = 0; r < right.get(h).rows(); r++) {
                for (int c = 0; c < right.get(h).cols(); c++) {
                    double a = mistaken.get(h).get(r, c);
                    double b = right.get(h).get(r, c);
                    if (Double.isNaN(a) || Double.isNaN(b)) {
                        return false;
                    }
                    if (rounding.distinct(a, b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "head 2, row 1, column 3" (the head left out when there is one). */
    public static String cellName(LayerProblem p, LayerStep step, int head, int row, int col) {
        String cell = "row " + (row + 1) + ", column " + (col + 1);
        return step.perHead() && p.heads() > 1 ? "head " + (head + 1) + ", " + cell : cell;
    }

    private static String names(List<LayerReport.Cell> cells) {
        List<String> names = cells.stream().map(LayerReport.Cell::name).toList();
        if (names.size() <= 4) {
            return String.join("; ", names);
        }
        return String.join("; ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
