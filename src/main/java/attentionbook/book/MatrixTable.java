package attentionbook.book;

import attentionbook.attention.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * A matrix as an HTML table, the way every matrix in the book looks: a caption naming it and its
 * shape, row and column headers, and in each cell the number and a heat colour (a CSS class, so
 * the strict Content-Security-Policy holds). static/js/matrix.js draws the same markup live.
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

    public static String html(Spec spec) {
        double[][] v = spec.values();
        int rows = v.length;
        int cols = rows == 0 ? 0 : v[0].length;
        double maxAbs = Math.max(largestMagnitude(v), spec.range());
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"matrix\" data-matrix=\"").append(escape(spec.key())).append("\">");
        out.append("<table class=\"matrix-table scale-").append(spec.scale().name().toLowerCase(Locale.ROOT)).append("\">");
        out.append("<caption><span class=\"matrix-name\">").append(escape(spec.name())).append("</span> <span class=\"matrix-shape\">")
                .append(rows).append('×').append(cols).append("</span></caption>");
        out.append("<thead><tr><td class=\"corner\"></td>");
        for (int c = 0; c < cols; c++) {
            out.append("<th scope=\"col\">").append(escape(spec.colLabels().get(c))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (int r = 0; r < rows; r++) {
            out.append("<tr><th scope=\"row\">").append(escape(spec.rowLabels().get(r))).append("</th>");
            for (int c = 0; c < cols; c++) {
                double x = v[r][c];
                if (x == Double.NEGATIVE_INFINITY) {
                    out.append("<td class=\"masked\" data-row=\"").append(r).append("\" data-col=\"").append(c)
                            .append("\"><span aria-hidden=\"true\">−∞</span><span class=\"visually-hidden\">minus infinity (masked)</span></td>");
                } else {
                    out.append("<td class=\"").append(heatClass(x, spec.scale(), maxAbs)).append("\" data-row=\"").append(r)
                            .append("\" data-col=\"").append(c).append("\">").append(number(x, spec.digits())).append("</td>");
                }
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        out.append(legend(spec.scale(), maxAbs, spec.digits()));
        out.append("</div>");
        return out.toString();
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

    private static String legend(Scale scale, double maxAbs, int digits) {
        if (scale == Scale.WEIGHTS) {
            return "<p class=\"legend legend-weights\"><span class=\"legend-low\">0</span><span class=\"legend-bar\" aria-hidden=\"true\"></span><span class=\"legend-high\">1</span></p>";
        }
        return "<p class=\"legend legend-signed\"><span class=\"legend-low\">" + number(-maxAbs, digits)
                + "</span><span class=\"legend-bar\" aria-hidden=\"true\"></span><span class=\"legend-high\">"
                + number(maxAbs, digits) + "</span></p>";
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

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
