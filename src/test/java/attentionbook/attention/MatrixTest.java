package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final Matrix A = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});   // 2×3

    @Test
    void theShapeIsRowsTimesColumnsWithAMultiplicationSign() {
        assertEquals("2×3", A.shape());
        assertEquals("6×3", Matrix.zeros(6, 3).shape());
        assertEquals('\u00D7', A.shape().charAt(1));
    }

    @Test
    void ofCopiesItsInputSoLaterChangesDoNotLeakIn() {
        double[][] rows = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(rows);
        rows[0][0] = 99;
        assertEquals(1.0, m.get(0, 0), 0.0);
    }

    @Test
    void rowAndToArrayHandOutCopies() {
        A.row(0)[0] = 99;
        A.toArray()[1][2] = 99;
        A.column(1)[0] = 99;
        assertEquals(1.0, A.get(0, 0), 0.0);
        assertEquals(6.0, A.get(1, 2), 0.0);
        assertEquals(2.0, A.get(0, 1), 0.0);
    }

    @Test
    void operationsReturnNewMatricesAndLeaveTheOriginalAlone() {
        Matrix before = Matrix.of(A.toArray());
        A.scale(10);
        A.map(v -> -v);
        A.transpose();
        A.columns(0, 2);
        A.times(Matrix.identity(3));
        assertEquals(before, A);
    }

    @Test
    void aRaggedInputNamesTheRowThatDiffers() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8}}));
        assertEquals("row 3 has 2 numbers but row 1 has 3", e.getMessage());
    }

    @Test
    void anEmptyInputIsAShapeError() {
        assertThrows(ShapeException.class, () -> Matrix.of(new double[0][]));
        assertThrows(ShapeException.class, () -> Matrix.of(null));
        assertTrue(assertThrows(ShapeException.class, () -> Matrix.of(new double[][] {{}})).getMessage()
                .contains("row 1 is empty"));
        assertThrows(ShapeException.class, () -> Matrix.zeros(0, 3));
    }

    @Test
    void multiplyingMismatchedShapesNamesBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Matrix.zeros(6, 3).times(Matrix.zeros(4, 2)));
        assertEquals("cannot multiply 6×3 by 4×2: the left has 3 columns but the right has 4 rows", e.getMessage());
    }

    @Test
    void timesMultipliesRowsByColumns() {
        Matrix b = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, -1}});                  // 3×2
        assertEquals(Matrix.of(new double[][] {{4, -1}, {10, -1}}), A.times(b));
        assertEquals(A, Matrix.identity(2).times(A));
        assertEquals(A, A.times(Matrix.identity(3)));
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        assertEquals(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), A.transpose());
        assertEquals(A, A.transpose().transpose());
    }

    @Test
    void scaleAndMapApplyToEveryCell() {
        assertEquals(Matrix.of(new double[][] {{0.5, 1, 1.5}, {2, 2.5, 3}}), A.scale(0.5));
        assertEquals(Matrix.of(new double[][] {{1, 4, 9}, {16, 25, 36}}), A.map(v -> v * v));
    }

    @Test
    void columnsTakesAContiguousBlock() {
        assertEquals(Matrix.of(new double[][] {{2, 3}, {5, 6}}), A.columns(1, 3));
        ShapeException e = assertThrows(ShapeException.class, () -> A.columns(2, 4));
        assertTrue(e.getMessage().contains("2×3"), e.getMessage());
        assertThrows(ShapeException.class, () -> A.columns(1, 1));
    }

    @Test
    void concatColumnsPutsBlocksSideBySide() {
        Matrix left = Matrix.of(new double[][] {{1}, {4}});
        Matrix right = Matrix.of(new double[][] {{2, 3}, {5, 6}});
        assertEquals(A, Matrix.concatColumns(List.of(left, right)));
        assertEquals(A, Matrix.concatColumns(List.of(A.columns(0, 2), A.columns(2, 3))));
    }

    @Test
    void concatColumnsWithDifferentRowCountsNamesTheShapes() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Matrix.concatColumns(List.of(Matrix.zeros(6, 3), Matrix.zeros(5, 2))));
        assertTrue(e.getMessage().contains("6×3") && e.getMessage().contains("5×2"), e.getMessage());
        assertThrows(ShapeException.class, () -> Matrix.concatColumns(List.of()));
    }

    @Test
    void allFiniteSpotsNaNAndInfinities() {
        assertTrue(A.allFinite());
        assertFalse(A.map(v -> v == 5 ? Double.NaN : v).allFinite());
        assertFalse(A.map(v -> v == 5 ? Double.POSITIVE_INFINITY : v).allFinite());
        assertFalse(A.map(v -> v == 5 ? Double.NEGATIVE_INFINITY : v).allFinite());
    }

    @Test
    void equalMatricesHaveEqualHashCodesAndShapeMatters() {
        Matrix same = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(A, same);
        assertEquals(A.hashCode(), same.hashCode());
        assertNotEquals(A, Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertNotEquals(A, A.scale(2));
    }

    @Test
    void toStringShowsTheShapeAndTheRows() {
        assertEquals("2×3 [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]", A.toString());
    }

    @Test
    void identityAndZeros() {
        assertArrayEquals(new double[][] {{1, 0}, {0, 1}}, Matrix.identity(2).toArray());
        assertArrayEquals(new double[][] {{0, 0, 0}}, Matrix.zeros(1, 3).toArray());
    }

    @Test
    void readingOutsideTheMatrixSaysTheRange() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> A.get(2, 0));
        assertEquals("row 2 is out of range: a 2×3 matrix has rows 0–1", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> A.get(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> A.row(-1));
    }
}
