package attentionbook.exercise;

import java.util.List;

/**
 * What the learner fills in: a number, a vector or a matrix of {@code rows × cols} cells, each with
 * its row and column label, and the rounding the prompt asks for.
 *
 * @param name          what the answer is, e.g. "the scaled score s₂₃" or "Q = X·W_Q"
 * @param minusInfinity true when a cell may be −∞ (a masked score), typed as "-inf"
 */
public record AnswerForm(String name, int rows, int cols, List<String> rowLabels, List<String> colLabels,
                         Rounding rounding, boolean minusInfinity) {

    public AnswerForm {
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
        if (rows < 1 || cols < 1 || rowLabels.size() != rows || colLabels.size() != cols) {
            throw new IllegalArgumentException("an answer of " + rows + "×" + cols + " cells needs one label a row and a column");
        }
    }

    /** "number" (1×1), "vector" (one row) or "matrix". */
    public String type() {
        if (rows == 1 && cols == 1) {
            return "number";
        }
        return rows == 1 ? "vector" : "matrix";
    }

    /** "row 2 (journey), column 3 (v)": a cell as feedback names it, 0-based in, 1-based out. */
    public String cellName(int row, int col) {
        if (rows == 1 && cols == 1) {
            return "the answer";
        }
        String column = "column " + (col + 1) + labelled(colLabels.get(col), col);
        if (rows == 1) {
            return column;
        }
        return "row " + (row + 1) + labelled(rowLabels.get(row), row) + ", " + column;
    }

    private static String labelled(String label, int index) {
        return label.equals(Integer.toString(index + 1)) ? "" : " (" + label + ")";
    }
}
