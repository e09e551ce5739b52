package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads numbers, matrices and batches out of a JSON object, with messages that name the field,
 * the row and the column, 1-based as in the book's prose. Used by directives and by the API, so
 * both say the same thing about the same mistake.
 */
public final class MatrixJson {
    private MatrixJson() {
    }

    /** Thrown with a message fit for a learner or an author. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Rejects any key not in {@code known}, so a typo such as "casual" is not silently ignored. */
    public static void onlyKnownKeys(JsonNode object, Set<String> known, String what) {
        if (!object.isObject()) {
            throw new Invalid(what + " must be a JSON object such as {\"x\": [[1, 2]]}");
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String hint = closest(key, known);
                throw new Invalid("unknown field \"" + key + "\"" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)")
                        + "; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    public static double[][] matrix(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw new Invalid("\"" + field + "\" is missing: it must be a matrix, a list of rows such as [[1, 2], [3, 4]]");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new Invalid("\"" + field + "\" must be a matrix: a non-empty list of rows such as [[1, 2], [3, 4]]");
        }
        double[][] rows = new double[node.size()][];
        for (int r = 0; r < node.size(); r++) {
            JsonNode row = node.get(r);
            if (!row.isArray()) {
                throw new Invalid("\"" + field + "\" row " + (r + 1) + " must be a list of numbers, not " + describe(row));
            }
            if (row.isEmpty()) {
                throw new Invalid("\"" + field + "\" row " + (r + 1) + " is empty");
            }
            if (r > 0 && row.size() != rows[0].length) {
                throw new Invalid("\"" + field + "\" is ragged: row " + (r + 1) + " has " + numbers(row.size()) + " but row 1 has "
                        + numbers(rows[0].length));
            }
            rows[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                rows[r][c] = number(row.get(c), "\"" + field + "\" row " + (r + 1) + ", column " + (c + 1));
            }
        }
        return rows;
    }

    /** x as one sequence (T×d) or a batch (B×T×d): a batch is a list of matrices of one shape. */
    public static List<double[][]> sequences(JsonNode node, String field) {
        if (!isBatch(node)) {
            return java.util.Collections.singletonList(matrix(node, field));
        }
        List<double[][]> batch = new ArrayList<>();
        for (int b = 0; b < node.size(); b++) {
            double[][] m = matrix(node.get(b), field + "[" + b + "]");
            if (b > 0 && (m.length != batch.get(0).length || m[0].length != batch.get(0)[0].length)) {
                throw new Invalid("\"" + field + "\" sequence " + (b + 1) + " is " + m.length + "×" + m[0].length
                        + " but sequence 1 is " + batch.get(0).length + "×" + batch.get(0)[0].length + ": every sequence in a batch has one shape");
            }
            batch.add(m);
        }
        return batch;
    }

    /** True when x is written as a batch, a list of matrices ([[[..]]]), rather than one matrix ([[..]]). */
    public static boolean isBatch(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty() && node.get(0).isArray()
                && !node.get(0).isEmpty() && node.get(0).get(0).isArray();
    }

    public static double number(JsonNode node, String where) {
        if (node == null || !node.isNumber()) {
            throw new Invalid(where + " must be a number, not " + describe(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new Invalid(where + " is too large: numbers must be finite (at most about 1.8e308)");
        }
        return value;
    }

    public static int integer(JsonNode node, String field, int fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new Invalid("\"" + field + "\" must be a whole number, not " + describe(node));
        }
        return node.intValue();
    }

    /** A whole number from min to max, or the fallback when the field is absent. */
    public static int integer(JsonNode node, String field, int fallback, int min, int max) {
        int value = integer(node, field, fallback);
        if (value < min || value > max) {
            throw new Invalid("\"" + field + "\" must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A number from min to max, or the fallback when the field is absent. */
    public static double number(JsonNode node, String field, double fallback, double min, double max) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        double value = number(node, "\"" + field + "\"");
        if (value < min || value > max) {
            throw new Invalid("\"" + field + "\" must be from " + plain(min) + " to " + plain(max) + ", not " + plain(value));
        }
        return value;
    }

    /** A list of numbers, between minLength and maxLength long. */
    public static double[] vector(JsonNode node, String field, int minLength, int maxLength) {
        if (node == null || node.isNull()) {
            throw new Invalid("\"" + field + "\" is missing: it must be a list of numbers such as [2, 1, 0.1]");
        }
        if (!node.isArray()) {
            throw new Invalid("\"" + field + "\" must be a list of numbers such as [2, 1, 0.1], not " + describe(node));
        }
        if (node.size() < minLength || node.size() > maxLength) {
            throw new Invalid("\"" + field + "\" must hold from " + minLength + " to " + maxLength + " numbers, not " + node.size());
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(node.get(i), "\"" + field + "\" entry " + (i + 1));
        }
        return values;
    }

    /** 0.01 → "0.01", 100.0 → "100": a limit or a value as an author would write it. */
    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public static boolean bool(JsonNode node, String field, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new Invalid("\"" + field + "\" must be true or false, not " + describe(node));
        }
        return node.booleanValue();
    }

    /** One of the allowed words, or the fallback when the field is absent or null. */
    public static String choice(JsonNode node, String field, Set<String> allowed, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual() || !allowed.contains(node.textValue())) {
            throw new Invalid("\"" + field + "\" must be one of " + String.join(", ", allowed) + ", not " + describe(node));
        }
        return node.textValue();
    }

    private static String numbers(int count) {
        return count == 1 ? "1 number" : count + " numbers";
    }

    /** A JSON value as a message names it: "the text \"abc\"", "a list", "an object", or the value itself. */
    public static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "the text \"" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "\"";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }

    /** The known key nearest to a typo (or the key written out longer or shorter), when near enough to be the likely intent. */
    public static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String a = key.toLowerCase();
            String b = candidate.toLowerCase();
            int d = distance(a, b);
            if (Math.min(a.length(), b.length()) >= 3 && (a.startsWith(b) || b.startsWith(a))) {
                d = Math.min(d, 1); // "column" for "col", "scaled" for "scale": one is the other cut short
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(1, key.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
