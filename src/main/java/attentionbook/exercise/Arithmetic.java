package attentionbook.exercise;

import java.util.ArrayList;
import java.util.List;

/** Arithmetic written out for hints and solutions; the numbers themselves come from the core. */
final class Arithmetic {
    private Arithmetic() {
    }

    /** "0.5×3 + 0.25×(−1) = 1.25": the products of a and b, then {@code result} (computed by the core). */
    static String sumOfProducts(double[] a, double[] b, double result) {
        return products(a, b) + " = " + Numbers.text(result);
    }

    /** "0.5×3 + 0.25×(−1)": the products of a and b, term by term. */
    static String products(double[] a, double[] b) {
        List<String> products = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            products.add(Numbers.factor(a[i]) + "×" + Numbers.factor(b[i]));
        }
        return String.join(" + ", products);
    }

    /** "[5×6]·[6×3] = [5×3]" */
    static String shapeProduct(String left, String right, String result) {
        return "[" + left + "]·[" + right + "] = [" + result + "]";
    }

    /** "[2, 5, 3]" */
    static String shape(long... sizes) {
        List<String> parts = new ArrayList<>();
        for (long size : sizes) {
            parts.add(Long.toString(size));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
