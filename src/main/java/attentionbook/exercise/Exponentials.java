package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The exponentials a softmax exercise gives in its prompt: e⁰, e⁻¹, … down to the largest gap
 * between a row's maximum and its other entries, to 3 decimals. Also the mistaken softmax of a
 * learner who rounds them to 1 decimal before dividing.
 */
final class Exponentials {
    static final int DIGITS = 3;
    /** The tolerance of softmax answers: 2 decimals, plus what rounded exponentials may add. */
    static final Rounding ROUNDING = Rounding.places(2, 0.01);

    private Exponentials() {
    }

    /** A one-row table: e⁰ = 1, e⁻¹ ≈ 0.368, … e^(−gap). */
    static Table table(int gap) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[gap + 1];
        for (int n = 0; n <= gap; n++) {
            labels.add(n == 0 ? "e⁰" : "e⁻" + superscript(n));
            values[n] = Math.exp(-n);
        }
        return new Table("exponentials", Grids.row(values), List.of("value"), labels, DIGITS);
    }

    /** The largest max − s over the finite entries of a row. */
    static int gap(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : row) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        return (int) Math.round(max - min);
    }

    /** exp(s − max) for every finite entry, rounded to {@code decimals} places, 0 for −∞. */
    static double[] rounded(double[] row, int decimals) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double scale = Math.pow(10, decimals);
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = Double.isFinite(row[j]) ? Math.round(Math.exp(row[j] - max) * scale) / scale : 0;
        }
        return out;
    }

    /** The row's exponentials divided by their sum: softmax with the exponentials rounded first. */
    static Matrix normalised(double[] terms) {
        double sum = 0;
        for (double term : terms) {
            sum += term;
        }
        double[] out = new double[terms.length];
        for (int j = 0; j < terms.length; j++) {
            out[j] = terms[j] / sum;
        }
        return Grids.row(out);
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append(digits.charAt(c - '0'));
        }
        return out.toString();
    }
}
