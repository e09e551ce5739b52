package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** Small matrix helpers the generators share: labels, rows as matrices, padding. */
final class Grids {
    private Grids() {
    }

    /** "1", "2", … n */
    static List<String> numbers(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    /** "token 1", "token 2", … */
    static List<String> tokens(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("token " + i);
        }
        return out;
    }

    /** A 1×n matrix holding one row. */
    static Matrix row(double[] values) {
        return Matrix.of(new double[][]{values});
    }

    /** Row r (0-based) of m as a 1×cols matrix. */
    static Matrix rowOf(Matrix m, int r) {
        return row(m.row(r));
    }

    /** A 1×1 matrix. */
    static Matrix number(double value) {
        return Matrix.of(new double[][]{{value}});
    }

    static boolean hasZeroRow(Matrix m) {
        for (int r = 0; r < m.rows(); r++) {
            boolean zero = true;
            for (double v : m.row(r)) {
                zero &= v == 0;
            }
            if (zero) {
                return true;
            }
        }
        return false;
    }

    static boolean allZero(Matrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (double v : m.row(r)) {
                if (v != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean symmetric(Matrix m) {
        return m.rows() == m.cols() && m.equals(m.transpose());
    }

    /** m with zero columns added on the right up to {@code width} columns. */
    static Matrix padColumns(Matrix m, int width) {
        if (width == m.cols()) {
            return m;
        }
        return Matrix.concatColumns(List.of(m, Matrix.zeros(m.rows(), width - m.cols())));
    }

    /** The identity's first rows: n×width with ones on the diagonal. */
    static Matrix identityRows(int n, int width) {
        return padColumns(Matrix.identity(n), width);
    }

    /** Rows placed at the given 0-based positions of an otherwise zero matrix with {@code rows} rows. */
    static Matrix placeRow(double[] values, int at, int rows) {
        double[][] cells = new double[rows][values.length];
        cells[at] = values.clone();
        return Matrix.of(cells);
    }

    /** Largest |value| over the finite cells. */
    static double maxAbs(Matrix m) {
        double max = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (double v : m.row(r)) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /** Cells of m rounded to {@code decimals} places (a learner rounding an intermediate result). */
    static Matrix rounded(Matrix m, int decimals) {
        double scale = Math.pow(10, decimals);
        return m.map(v -> Double.isFinite(v) ? Math.round(v * scale) / scale : v);
    }

    /** A table with numbered rows and columns, e.g. a score grid or a weight matrix. */
    static Table numbered(String name, Matrix m, int digits) {
        return new Table(name, m, numbers(m.rows()), numbers(m.cols()), digits);
    }

    /** A table whose rows are tokens ("token 1" …) and columns numbered dimensions, e.g. X, Q or V. */
    static Table byToken(String name, Matrix m, int digits) {
        return new Table(name, m, tokens(m.rows()), numbers(m.cols()), digits);
    }

    /** A one-row table with its own row label, e.g. "q₂". */
    static Table vector(String name, String rowLabel, double[] values, int digits) {
        return new Table(name, row(values), List.of(rowLabel), numbers(values.length), digits);
    }
}
