package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.List;

/**
 * A matrix as an exercise shows it: a name, the numbers (−∞ for a masked cell), a label for each
 * row and column, and how many decimals to print.
 */
public record Table(String name, Matrix values, List<String> rowLabels, List<String> colLabels, int digits) {

    public Table {
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
        if (rowLabels.size() != values.rows() || colLabels.size() != values.cols()) {
            throw new IllegalArgumentException(name + " is " + values.shape() + " but has " + rowLabels.size()
                    + " row labels and " + colLabels.size() + " column labels");
        }
    }

    /** "3×2" */
    public String shape() {
        return values.shape();
    }
}
