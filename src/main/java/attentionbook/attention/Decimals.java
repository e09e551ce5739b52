package attentionbook.attention;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rounding for display, the way a reader rounds by hand: the decimal number a double stands for,
 * rounded with halves going up (away from zero). The double closest to 0.495 is
 * 0.494999999999999995559…; rounding that binary value gives 0.49, while the reader who multiplies
 * the inputs on paper gets exactly 0.495 and rounds it to 0.50. So the value is first cut to
 * {@value #SIGNIFICANT} significant digits, which drops the binary noise of any computed number and
 * keeps everything a page can show, and then rounded half up.
 *
 * <p>static/js/matrix.js rounds the same way (toPrecision(15), then half up on the digits), so a
 * live widget prints what the server printed.
 */
public final class Decimals {

    /** Significant digits kept before rounding: a double carries 15 to 17, its noise sits beyond them. */
    public static final int SIGNIFICANT = 15;

    private Decimals() {
    }

    /** x rounded half up to {@code digits} decimals, as an exact decimal (never a "−0.00"). */
    public static BigDecimal round(double x, int digits) {
        return decimal(x).setScale(digits, RoundingMode.HALF_UP);
    }

    /** The same, written with exactly {@code digits} decimals: 0.495 to 2 → "0.50", −0.004 to 2 → "0.00". */
    public static String fixed(double x, int digits) {
        return round(x, digits).toPlainString();
    }

    /** The decimal number x stands for: its exact binary value cut to {@value #SIGNIFICANT} significant digits. */
    public static BigDecimal decimal(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("cannot round " + x + ": it is not a finite number");
        }
        if (x == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(x).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_UP));
    }
}
