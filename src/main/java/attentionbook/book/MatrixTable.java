package attentionbook.book;

import attentionbook.attention.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A matrix as an HTML table, the way every matrix in the book looks: a caption naming it and its
 * shape, row and column headers, and in each cell the number and a heat colour (a CSS class, so
 * the strict Content-Security-Policy holds). book/matrix.jte is the one template that writes it on
 * the server; static/js/matrix.js draws the same markup live.
 *
 * <p>Scales: {@link Scale#SIGNED} is diverging around 0 (relative to the largest magnitude),
 * {@link Scale#WEIGHTS} is sequential from 0 to 1. Cells at −∞ are masked: shown as −∞, not coloured.
 */
public final class MatrixTable {
    public enum Scale { SIGNED, WEIGHTS }

    /**
     * @param name        what the caption calls it, e.g. "Q" or "weights (head 1)"
     * @param key         a stable identifier for scripts and tests, e.g. "q" or "weights-h1"
     * @param rowLabels   one label a row (token names)
     * @param colLabels   one label a column
     * @param range       the magnitude a signed scale spans when matrices of one kind share a scale (never less
     *                    than the matrix's own largest magnitude; 0 for its own)
     */
    public record Spec(String name, String key, double[][] values, List<String> rowLabels, List<String> colLabels,
                       Scale scale, int digits, double range) {

        /** A matrix coloured on its own scale. */
        public Spec(String name, String key, double[][] values, List<String> rowLabels, List<String> colLabels, Scale scale, int digits) {
            this(name, key, values, rowLabels, colLabels, scale, digits, 0);
        }
    }

    private MatrixTable() {
    }

    /** What book/matrix.jte prints: every label, class and number worked out, so the template only places them. */
    public record View(String key, String scale, String name, int rows, int cols, List<String> colLabels, List<Row> body,
                       String low, String high) {
    }

    /** A row of the table: its label and its cells. */
    public record Row(String label, List<Cell> cells) {
    }

    /** A cell: its place, its heat class and its number as printed; a masked cell (−∞) has neither class nor number. */
    public record Cell(int row, int col, String heat, String text) {
        public boolean masked() {
            return heat == null;
        }
    }

    public static String html(Spec spec) {
        return Templates.render("book/matrix.jte", view(spec));
    }

    public static View view(Spec spec) {
        double[][] v = spec.values();
        int rows = v.length;
        int cols = rows == 0 ? 0 : v[0].length;
        double maxAbs = Math.max(largestMagnitude(v), spec.range());
        List<Row> body = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                double x = v[r][c];
                cells.add(x == Double.NEGATIVE_INFINITY ? new Cell(r, c, null, null)
                        : new Cell(r, c, heatClass(x, spec.scale(), maxAbs), number(x, spec.digits())));
            }
            body.add(new Row(spec.rowLabels().get(r), cells));
        }
        boolean weights = spec.scale() == Scale.WEIGHTS;
        return new View(spec.key(), spec.scale().name().toLowerCase(Locale.ROOT), spec.name(), rows, cols,
                spec.colLabels().subList(0, cols), body, weights ? "0" : number(-maxAbs, spec.digits()),
                weights ? "1" : number(maxAbs, spec.digits()));
    }

    /** The largest finite magnitude in some matrices: the span of one signed scale shared by them (−∞ left out). */
    public static double largestMagnitude(double[]... rowsOfAll) {
        double max = 0;
        for (double[] row : rowsOfAll) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    max = Math.max(max, Math.abs(x));
                }
            }
        }
        return max;
    }

    /** The heat class of a value: heat-w-0 … heat-w-10 for weights, heat-s-m5 … heat-s-p5 for signed values. */
    public static String heatClass(double x, Scale scale, double maxAbs) {
        if (scale == Scale.WEIGHTS) {
            long step = Math.round(Math.max(0, Math.min(1, x)) * 10);
            return "heat-w-" + step;
        }
        long step = maxAbs == 0 ? 0 : Math.round(x / maxAbs * 5);
        return step < 0 ? "heat-s-m" + (-step) : "heat-s-p" + step;
    }

    /** From here on a number is printed as 1.23e+9: a row of ten digits says less than its exponent. */
    static final double EXPONENTIAL_FROM = 1e9;

    /**
     * A number as the book prints it: fixed digits, a true minus sign, no "−0.00"; 1.23e+9 and larger
     * in exponent form. Fixed digits round the decimal value half up, as a reader does by hand
     * ({@link Decimals}: 0.495 → "0.50"); exponent form rounds the exact binary value, halves away
     * from zero, as JavaScript's toExponential does. static/js/matrix.js prints the same text.
     */
    public static String number(double x, int digits) {
        BigDecimal exact = new BigDecimal(x);
        String s;
        if (Math.abs(x) >= EXPONENTIAL_FROM) {
            BigDecimal rounded = exact.round(new MathContext(digits + 1, RoundingMode.HALF_UP));
            String mantissa = rounded.unscaledValue().abs().toString();
            int exponent = rounded.precision() - rounded.scale() - 1;
            s = (x < 0 ? "-" : "") + mantissa.charAt(0) + (digits > 0 ? "." + mantissa.substring(1) : "") + "e+" + exponent;
        } else {
            s = Decimals.fixed(x, digits);
        }
        return s.replace('-', '−');
    }
}
