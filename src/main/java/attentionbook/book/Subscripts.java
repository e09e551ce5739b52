package attentionbook.book;

/** Row and column numbers as subscripts for labels such as a₂ⱼ, as static/js/matrix.js writes them. */
final class Subscripts {
    private static final String DIGITS = "₀₁₂₃₄₅₆₇₈₉";

    private Subscripts() {
    }

    /** 12 → "₁₂" */
    static String of(int number) {
        StringBuilder out = new StringBuilder();
        for (char digit : Integer.toString(number).toCharArray()) {
            out.append(DIGITS.charAt(digit - '0'));
        }
        return out.toString();
    }
}
