package attentionbook.attention;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Subscripts and short numbers for the sentences the core writes (1-based in prose). */
final class Notation {

    private static final char[] SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉".toCharArray();
    static final String MINUS = "\u2212";

    private Notation() {
    }

    /** 12 → "₁₂" */
    static String sub(int number) {
        String digits = Integer.toString(number);
        StringBuilder out = new StringBuilder();
        for (char digit : digits.toCharArray()) {
            out.append(digit == '-' ? '₋' : SUBSCRIPT_DIGITS[digit - '0']);
        }
        return out.toString();
    }

    /** (3, 2) → "₃₂"; with a number above 9, a comma keeps them apart: (12, 3) → "₁₂,₃" */
    static String sub(int first, int second) {
        String separator = first > 9 || second > 9 ? "," : "";
        return sub(first) + separator + sub(second);
    }

    /**
     * A short form for prose: at most 4 decimals, halves rounded up as by hand ({@link Decimals}), with
     * trailing zeros dropped (0.95441 → "0.9544", 0.12345 → "0.1235"),
     * scientific beyond 10⁶ or below 10⁻⁴ ("1.2346e-7"), a true minus sign, "−∞" and "∞".
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : MINUS + "∞";
        }
        if (value == 0.0) {
            return "0";
        }
        String sign = value < 0 ? MINUS : "";
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            String[] parts = String.format(java.util.Locale.ROOT, "%.4e", magnitude).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
            int exponent = Integer.parseInt(parts[1]);
            return sign + mantissa + "e" + exponent;
        }
        BigDecimal rounded = Decimals.round(magnitude, 4).stripTrailingZeros();
        String text = rounded.toPlainString();
        return text.equals("0") ? "0" : sign + text;
    }

    /** As {@link #number}, in parentheses when negative so that "0.5×(−2)" reads well. */
    static String factor(double value) {
        String text = number(value);
        return text.startsWith(MINUS) ? "(" + text + ")" : text;
    }

    /** Sums with more products than this are shortened in the arithmetic text (the terms stay complete). */
    static final int ARITHMETIC_TERMS_SHOWN = 12;

    /** "0.55×0.43 + 0.87×(−0.15) = 0.3085", shortened with "…" past {@link #ARITHMETIC_TERMS_SHOWN} products. */
    static String sumOfProducts(List<Term> terms, double value) {
        List<String> products = new ArrayList<>();
        for (Term term : terms) {
            products.add(factor(term.left()) + "×" + factor(term.right()));
        }
        return shortened(products) + " = " + number(value);
    }

    static String shortened(List<String> parts) {
        if (parts.size() <= ARITHMETIC_TERMS_SHOWN) {
            return String.join(" + ", parts);
        }
        int head = ARITHMETIC_TERMS_SHOWN - 2;
        return String.join(" + ", parts.subList(0, head)) + " + … (" + (parts.size() - head - 1) + " more) + "
                + parts.get(parts.size() - 1);
    }

    static String products(int count) {
        return count == 1 ? "1 product" : count + " products";
    }

    /** "columns 3–4" (1-based) or "column 3" */
    static String columnRange(int first, int width) {
        return width == 1 ? "column " + (first + 1) : "columns " + (first + 1) + "–" + (first + width);
    }
}
