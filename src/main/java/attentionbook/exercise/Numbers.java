package attentionbook.exercise;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as prompts, hints and solutions print them: short, with a true minus sign. */
public final class Numbers {
    public static final String MINUS = "\u2212";

    private Numbers() {
    }

    /** At most 4 decimals, trailing zeros dropped: 0.25 → "0.25", 3.0 → "3", −2 → "−2", −∞ → "−∞". */
    public static String text(double value) {
        return fixed(value, 4, true);
    }

    /** Exactly {@code digits} decimals ("0.50"), or fewer when {@code trim}; "−0" never appears. */
    public static String fixed(double value, int digits, boolean trim) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN has no place in an exercise");
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : MINUS + "∞";
        }
        BigDecimal rounded = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN);
        if (trim) {
            rounded = rounded.stripTrailingZeros();
            if (rounded.scale() < 0) {
                rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
            }
        }
        String text = rounded.toPlainString();
        if (rounded.signum() == 0) {
            return text.replace("-", "");
        }
        return text.replace("-", MINUS);
    }

    /** In parentheses when negative, so that "0.5×(−2)" reads well. */
    public static String factor(double value) {
        String text = text(value);
        return text.startsWith(MINUS) ? "(" + text + ")" : text;
    }

    /** 12 → "₁₂": token numbers as subscripts, q₂ or s₂₃. */
    public static String sub(int number) {
        StringBuilder out = new StringBuilder();
        for (char digit : Integer.toString(number).toCharArray()) {
            out.append((char) ('₀' + (digit - '0')));
        }
        return out.toString();
    }

    /** Whole numbers with thin groups for reading: 2359296 → "2,359,296". */
    public static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }
}
