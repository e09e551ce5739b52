package attentionbook.web;

import attentionbook.book.MatrixJson;
import attentionbook.exercise.AnswerForm;
import attentionbook.exercise.Seeds;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/exercises/{id}/check}: {@code {"seed": N, "answer": ...}}. The
 * answer is a number, a list (a vector) or a list of rows (a matrix), shaped as the exercise asks;
 * a masked cell may be the text "-inf". Anything else is a {@link RejectedRequest} naming the field,
 * never a verdict.
 */
final class CheckRequest {
    static final int MAX_TEXT = 32;
    private static final Set<String> KEYS = Set.of("seed", "answer");
    /** The ways a learner may write −∞ in a masked cell (compared in lower case). */
    static final Set<String> MINUS_INFINITY = Set.of("-inf", "−inf", "-∞", "−∞", "-infinity", "−infinity");

    private CheckRequest() {
    }

    static long seed(JsonNode body) {
        refuseUnknownFields(body);
        return seedField(body.get("seed"));
    }

    /** The value of a body's "seed" field (null when it has none), as a seed. */
    static long seedField(JsonNode seed) {
        if (seed == null || seed.isNull()) {
            throw RejectedRequest.badRequest("\"seed\" is missing: send the seed the exercise was generated with");
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.longValue() < 0 || seed.longValue() > Seeds.MAX) {
            throw RejectedRequest.badRequest("\"seed\" must be a whole number from 0 to " + Seeds.MAX + ", not " + MatrixJson.describe(seed));
        }
        return seed.longValue();
    }

    static double[][] answer(JsonNode body, AnswerForm form) {
        refuseUnknownFields(body);
        JsonNode answer = body.get("answer");
        String shape = form.rows() + "×" + form.cols();
        if (answer == null || answer.isNull()) {
            throw RejectedRequest.badRequest("\"answer\" is missing: " + expected(form));
        }
        if (form.type().equals("number") && !answer.isArray()) {
            return new double[][]{{cell(answer, form, 0, 0)}};
        }
        if (!answer.isArray()) {
            throw RejectedRequest.badRequest("\"answer\" must be " + expected(form) + ", not " + MatrixJson.describe(answer));
        }
        boolean flat = answer.size() > 0 && !answer.get(0).isArray();
        if (flat && form.rows() == 1) {
            return new double[][]{row(answer, form, 0)};
        }
        if (flat) {
            throw RejectedRequest.badRequest("\"answer\" must be a list of " + form.rows() + " rows (a " + shape + " matrix), not a flat list");
        }
        if (answer.size() != form.rows()) {
            throw RejectedRequest.badRequest("\"answer\" has " + answer.size() + (answer.size() == 1 ? " row" : " rows") + " but the answer is "
                    + shape + ": it needs " + form.rows() + (form.rows() == 1 ? " row" : " rows"));
        }
        double[][] cells = new double[form.rows()][];
        for (int r = 0; r < form.rows(); r++) {
            JsonNode row = answer.get(r);
            if (!row.isArray()) {
                throw RejectedRequest.badCell("\"answer\" row " + (r + 1) + " must be a list of " + form.cols() + " numbers, not "
                        + MatrixJson.describe(row), r + 1, null);
            }
            cells[r] = row(row, form, r);
        }
        return cells;
    }

    private static double[] row(JsonNode row, AnswerForm form, int r) {
        if (row.size() != form.cols()) {
            throw RejectedRequest.badCell("\"answer\" row " + (r + 1) + " has " + row.size() + (row.size() == 1 ? " number" : " numbers")
                    + " but the answer is " + form.rows() + "×" + form.cols() + ": each row needs " + form.cols(), r + 1, null);
        }
        double[] out = new double[form.cols()];
        for (int c = 0; c < form.cols(); c++) {
            out[c] = cell(row.get(c), form, r, c);
        }
        return out;
    }

    private static double cell(JsonNode node, AnswerForm form, int r, int c) {
        String where = "\"answer\" " + (form.type().equals("number") ? "" : form.cellName(r, c) + " ");
        where = where.strip();
        if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
            throw RejectedRequest.badCell(where + " is empty: fill in every cell", r + 1, c + 1);
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            if (text.length() > MAX_TEXT) {
                throw RejectedRequest.badCell(where + " is too long: at most " + MAX_TEXT + " characters", r + 1, c + 1);
            }
            if (form.minusInfinity() && MINUS_INFINITY.contains(text.toLowerCase(java.util.Locale.ROOT))) {
                return Double.NEGATIVE_INFINITY;
            }
            throw RejectedRequest.badCell(where + " must be a number" + (form.minusInfinity() ? " or -inf" : "") + ", not the text \""
                    + text + "\"", r + 1, c + 1);
        }
        if (!node.isNumber()) {
            throw RejectedRequest.badCell(where + " must be a number, not " + MatrixJson.describe(node), r + 1, c + 1);
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw RejectedRequest.badCell(where + " is too large: numbers must be finite", r + 1, c + 1);
        }
        return value;
    }

    /** Refuses a field a check does not have; the body is an object already ({@link JsonBody#object}). */
    private static void refuseUnknownFields(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw RejectedRequest.badRequest("unknown field \"" + key + "\": the body has \"seed\" and \"answer\"");
            }
        }
    }

    private static String expected(AnswerForm form) {
        return switch (form.type()) {
            case "number" -> "a number";
            case "vector" -> "a list of " + form.cols() + " numbers";
            default -> "a list of " + form.rows() + " rows of " + form.cols() + " numbers (a " + form.rows() + "×" + form.cols() + " matrix)";
        };
    }
}
