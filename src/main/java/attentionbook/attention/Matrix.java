package attentionbook.attention;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable matrix of doubles, stored row-major. Rows and columns are counted from 0 in code.
 * Every operation returns a new matrix; nothing changes one in place.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data; // row-major: cell (r, c) lives at r·cols + c; never shared outside

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A copy of these rows. ShapeException when there are no rows, a row is empty or missing, or the rows differ in length. */
    public static Matrix of(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new ShapeException("a matrix needs at least one row, got none");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new ShapeException("row 1 is empty: a matrix needs at least one column");
        }
        int cols = rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                throw new ShapeException("row " + (r + 1) + " is missing");
            }
            if (rows[r].length != cols) {
                throw new ShapeException("row " + (r + 1) + " has " + rows[r].length
                        + " numbers but row 1 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Matrix(rows.length, cols, data);
    }

    /** A rows×cols matrix of zeros; both sizes at least 1. */
    public static Matrix zeros(int rows, int cols) {
        requireSize(rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** The n×n identity. */
    public static Matrix identity(int n) {
        requireSize(n, n);
        double[] data = new double[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            data[i * n + i] = 1.0;
        }
        return new Matrix(n, n, data);
    }

    private static void requireSize(int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new ShapeException("a matrix needs at least one row and one column, not "
                    + rows + "×" + cols);
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The cell at (row, col), both 0-based. */
    public double get(int row, int col) {
        checkRow(row);
        checkCol(col);
        return data[row * cols + col];
    }

    /** A copy of row r (0-based). */
    public double[] row(int r) {
        checkRow(r);
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** A copy of column c (0-based). */
    public double[] column(int c) {
        checkCol(c);
        double[] column = new double[rows];
        for (int r = 0; r < rows; r++) {
            column[r] = data[r * cols + c];
        }
        return column;
    }

    /** A copy of every row. */
    public double[][] toArray() {
        double[][] copy = new double[rows][];
        for (int r = 0; r < rows; r++) {
            copy[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
        }
        return copy;
    }

    /** "6×3": rows × columns. */
    public String shape() {
        return rows + "×" + cols;
    }

    /**
     * The product this·other: [n×m]·[m×p] = [n×p]. Cell (i, j) is the sum over k of
     * this(i, k)·other(k, j), added in order k = 0, 1, … starting from 0.0.
     */
    public Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new ShapeException("cannot multiply " + shape() + " by " + other.shape()
                    + ": the left has " + cols + " columns but the right has " + other.rows + " rows");
        }
        int p = other.cols;
        double[] out = new double[Math.multiplyExact(rows, p)];
        // i-k-j order walks both operands row by row; each out(i, j) still sums k = 0, 1, … in order
        for (int i = 0; i < rows; i++) {
            int outRow = i * p;
            for (int k = 0; k < cols; k++) {
                double a = data[i * cols + k];
                int otherRow = k * p;
                for (int j = 0; j < p; j++) {
                    out[outRow + j] += a * other.data[otherRow + j];
                }
            }
        }
        return new Matrix(rows, p, out);
    }

    /** The transpose: [n×m] → [m×n]. */
    public Matrix transpose() {
        double[] out = new double[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[r * cols + c];
            }
        }
        return new Matrix(cols, rows, out);
    }

    /** Every cell times factor. */
    public Matrix scale(double factor) {
        return map(value -> value * factor);
    }

    /** Columns from … toExclusive−1 (0-based) as a new matrix. */
    public Matrix columns(int from, int toExclusive) {
        if (from < 0 || toExclusive > cols || from >= toExclusive) {
            throw new ShapeException("cannot take columns " + from + " to " + (toExclusive - 1)
                    + " (0-based) of a " + shape() + " matrix: they must lie within 0–" + (cols - 1)
                    + " and include at least one column");
        }
        int width = toExclusive - from;
        double[] out = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols + from, out, r * width, width);
        }
        return new Matrix(rows, width, out);
    }

    /** The blocks side by side, left to right. ShapeException when the list is empty or the row counts differ. */
    public static Matrix concatColumns(List<Matrix> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            throw new ShapeException("cannot put zero matrices side by side: give at least one");
        }
        Matrix first = blocks.get(0);
        int width = 0;
        for (int b = 0; b < blocks.size(); b++) {
            Matrix block = blocks.get(b);
            if (block.rows != first.rows) {
                throw new ShapeException("cannot put " + first.shape() + " and " + block.shape()
                        + " side by side: block " + (b + 1) + " has " + block.rows
                        + " rows but block 1 has " + first.rows);
            }
            width = Math.addExact(width, block.cols);
        }
        double[] out = new double[Math.multiplyExact(first.rows, width)];
        int offset = 0;
        for (Matrix block : blocks) {
            for (int r = 0; r < first.rows; r++) {
                System.arraycopy(block.data, r * block.cols, out, r * width + offset, block.cols);
            }
            offset += block.cols;
        }
        return new Matrix(first.rows, width, out);
    }

    /** f applied to every cell. */
    public Matrix map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, out);
    }

    /** True when no cell is NaN, +Infinity or −Infinity. */
    public boolean allFinite() {
        for (double value : data) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " is out of range: a " + shape()
                    + " matrix has rows 0–" + (rows - 1));
        }
    }

    private void checkCol(int col) {
        if (col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("column " + col + " is out of range: a " + shape()
                    + " matrix has columns 0–" + (cols - 1));
        }
    }

    /** Same shape and the same cells (compared as Double.equals does: NaN equals NaN, 0.0 differs from −0.0). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Matrix)) {
            return false;
        }
        Matrix that = (Matrix) other;
        return rows == that.rows && cols == that.cols && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** "2×2 [[1.0, 2.0], [3.0, 4.0]]" */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(shape()).append(" [");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                text.append(", ");
            }
            text.append(Arrays.toString(Arrays.copyOfRange(data, r * cols, (r + 1) * cols)));
        }
        return text.append(']').toString();
    }
}
