package attentionbook.book;

import attentionbook.attention.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@link Calc} writes a value after the {@code |}: a digit count, int, %1, sci2 or bytes. Every
 * rounding is half up on the decimal value ({@link Decimals}), as the book's tables round.
 */
final class CalcFormat {

    private CalcFormat() {
    }

    static String format(Object value, String format) {
        if (value instanceof double[] v) {
            List<String> parts = new ArrayList<>();
            for (double x : v) {
                parts.add(formatScalar(x, format));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return formatScalar((Double) value, format);
    }

    private static String formatScalar(double x, String format) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("the result is " + x + ", not a finite number");
        }
        if (format.isEmpty()) {
            return isWhole(x) ? String.format(Locale.ROOT, "%,d", Math.round(x)) : Decimals.fixed(x, 4);
        }
        if (format.matches("\\d{1,2}")) {
            return Decimals.fixed(x, Integer.parseInt(format));
        }
        if (format.equals("int")) {
            if (!isWhole(x)) {
                throw new IllegalArgumentException("format int needs a whole number, but the result is " + x);
            }
            return String.format(Locale.ROOT, "%,d", Math.round(x));
        }
        if (format.matches("%\\d")) {
            return Decimals.decimal(x).movePointRight(2).setScale(Integer.parseInt(format.substring(1)), RoundingMode.HALF_UP)
                    .toPlainString() + "%";
        }
        if (format.matches("sci\\d")) {
            return scientific(x, Integer.parseInt(format.substring(3)));
        }
        if (format.equals("bytes")) {
            return bytes(x);
        }
        throw new IllegalArgumentException("unknown format \"" + format + "\" (use a digit count such as 3, int, bytes, %1 or sci2)");
    }

    /** 2.35 × 10⁸: the mantissa rounded half up to {@code digits} decimals, carried into the exponent (9.996e8 → 1.00 × 10⁹). */
    private static String scientific(double x, int digits) {
        if (x == 0) {
            return "0";
        }
        BigDecimal rounded = Decimals.decimal(x).round(new MathContext(digits + 1, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_UP);
        return mantissa.toPlainString() + " × 10" + superscript(exponent);
    }

    /**
     * A size in the largest 1024-based unit that keeps it at 1 or more, to at most two decimals with
     * trailing zeros dropped: an exact 1.25 GiB is "1.25 GiB", 2³¹ bytes "2 GiB", 13,476,831,232 bytes "12.55 GiB".
     */
    private static String bytes(double x) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int unit = 0;
        double size = x;
        while (Math.abs(size) >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        if (unit == 0) {
            return String.format(Locale.ROOT, "%,d bytes", Math.round(size));
        }
        return Decimals.round(size, 2).stripTrailingZeros().toPlainString() + " " + units[unit];
    }

    private static String superscript(int exponent) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(exponent).toCharArray()) {
            out.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return out.toString();
    }

    private static boolean isWhole(double x) {
        return Math.abs(x - Math.rint(x)) < 1e-9 * Math.max(1, Math.abs(x)) && Math.abs(x) < 9e15;
    }
}
