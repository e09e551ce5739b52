package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs for the weighted-sum exercises: friendly weights A (each row made of quarters or tenths,
 * summing to 1, A not symmetric), values V and keys K of small whole numbers.
 */
final class WeightedSums {
    final Matrix weights;
    final Matrix keys;
    final Matrix values;

    WeightedSums(Draw draw, int tokens, int width, String step) {
        int units = step.equals("tenths") ? 10 : 4;
        Matrix a;
        do {
            double[][] cells = new double[tokens][];
            for (int r = 0; r < tokens; r++) {
                int[] parts = draw.split(units, tokens);
                cells[r] = new double[tokens];
                for (int c = 0; c < tokens; c++) {
                    cells[r][c] = (double) parts[c] / units;
                }
            }
            a = Matrix.of(cells);
        } while (Grids.symmetric(a));
        this.weights = a;
        this.values = draw.intsNoZeroRow(tokens, width, -3, 4);
        Matrix k;
        do {
            k = draw.intsNoZeroRow(tokens, width, -3, 4);
        } while (k.equals(values));
        this.keys = k;
    }

    static Option stepOption() {
        return Option.words("weights", "the weights are multiples of a quarter or of a tenth", "quarters", "quarters", "tenths");
    }

    List<Table> given() {
        return List.of(Grids.numbered("weights A", weights, 2), Grids.byToken("K", keys, 0), Grids.byToken("V", values, 0));
    }

    /** Cell (r, c) of A·V written out: "A[2][1]×V[1][1] + … = 0.5×3 + … = 1.75" (the sum from the core's product). */
    List<String> cellLines(Matrix output, int r, int c) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < weights.cols(); j++) {
            names.add("A[" + (r + 1) + "][" + (j + 1) + "]×V[" + (j + 1) + "][" + (c + 1) + "]");
        }
        return List.of("o" + Numbers.sub(r + 1) + "[" + (c + 1) + "] = " + String.join(" + ", names),
                "= " + Arithmetic.sumOfProducts(weights.row(r), values.column(c), output.get(r, c)));
    }

    List<String> rowLines(Matrix output, int r) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < output.cols(); c++) {
            lines.addAll(cellLines(output, r, c));
        }
        return lines;
    }

    /** Every token's value counted equally: the mean of V's rows, for each row of the output. */
    Matrix plainAverage() {
        int t = values.rows();
        Matrix uniform = Matrix.of(filled(t, 1.0 / t));
        return uniform.times(values);
    }

    private static double[][] filled(int n, double value) {
        double[][] cells = new double[n][n];
        for (double[] row : cells) {
            java.util.Arrays.fill(row, value);
        }
        return cells;
    }
}
