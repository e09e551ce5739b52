package attentionbook.web;

import attentionbook.attention.Matrix;
import attentionbook.book.MatrixJson;
import attentionbook.exercise.LayerProblem;
import attentionbook.exercise.LayerStep;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of a whole layer's check: {@code {"seed": N, "answers": {"q": [[..]], …}}} with any
 * subset of the steps. A per-head step of a two-head layer is a list of one grid a head; masked
 * cells are "-inf". Anything else is a {@link RejectedRequest} naming the step, head, row and column.
 */
final class StepAnswers {
    private static final Set<String> KEYS = Set.of("seed", "answers");

    private StepAnswers() {
    }

    /** The seed of a body that {@link JsonBody#object} has already read as an object. */
    static long seed(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw RejectedRequest.badRequest("unknown field \"" + key + "\": the body has \"seed\" and \"answers\"");
            }
        }
        return CheckRequest.seedField(body.get("seed"));
    }

    /** The steps the learner gave, each as one grid (or one a head), checked against the problem's shapes. */
    static Map<LayerStep, List<Matrix>> answers(JsonNode body, LayerProblem p) {
        JsonNode answers = body.get("answers");
        if (answers == null || answers.isNull()) {
            throw RejectedRequest.badRequest("\"answers\" is missing: send {\"answers\": {\"q\": [[..]], …}} with the steps you have done");
        }
        if (!answers.isObject()) {
            throw RejectedRequest.badRequest("\"answers\" must be an object of steps, not " + MatrixJson.describe(answers));
        }
        Map<LayerStep, List<Matrix>> out = new EnumMap<>(LayerStep.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            LayerStep step = LayerStep.fromKey(field.getKey()).filter(p.steps()::contains).orElseThrow(() ->
                    RejectedRequest.badRequest("unknown step \"" + shorten(field.getKey()) + "\": the steps are " + keys(p)));
            out.put(step, grids(step, field.getValue(), p));
        }
        return out;
    }

    /** The step a worked solution is asked for. */
    static LayerStep step(String key, LayerProblem p) {
        return LayerStep.fromKey(key == null ? "" : key).filter(p.steps()::contains).orElseThrow(() ->
                RejectedRequest.badRequest("unknown step \"" + shorten(String.valueOf(key)) + "\": the steps are " + keys(p)));
    }

    private static List<Matrix> grids(LayerStep step, JsonNode node, LayerProblem p) {
        String name = "\"" + step.key() + "\"";
        int count = p.grids(step);
        if (count == 1) {
            return List.of(grid(step, node, p, name, 0));
        }
        if (!node.isArray() || node.size() != count || !node.path(0).path(0).isArray()) {
            throw RejectedRequest.badRequest(name + " must be a list of " + count + " grids, one a head, each " + shape(step, p));
        }
        List<Matrix> out = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            out.add(grid(step, node.get(h), p, name + " head " + (h + 1), h));
        }
        return out;
    }

    private static Matrix grid(LayerStep step, JsonNode node, LayerProblem p, String name, int head) {
        int rows = p.rows(step);
        int cols = p.cols(step);
        if (!node.isArray() || node.size() != rows) {
            throw RejectedRequest.badRequest(name + " must be " + shape(step, p) + " (" + rows + " rows of " + cols + " numbers), not "
                    + (node.isArray() ? node.size() + (node.size() == 1 ? " row" : " rows") : MatrixJson.describe(node)));
        }
        double[][] cells = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            JsonNode row = node.get(r);
            if (!row.isArray() || row.size() != cols) {
                throw RejectedRequest.badCell(name + " row " + (r + 1) + " must be a list of " + cols + " numbers, not "
                        + (row.isArray() ? row.size() + " of them" : MatrixJson.describe(row)), r + 1, null);
            }
            for (int c = 0; c < cols; c++) {
                cells[r][c] = cell(step, row.get(c), name + " row " + (r + 1) + ", column " + (c + 1), r, c);
            }
        }
        return Matrix.of(cells);
    }

    private static double cell(LayerStep step, JsonNode node, String where, int r, int c) {
        if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
            throw RejectedRequest.badCell(where + " is empty: fill in every cell of a step you send", r + 1, c + 1);
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            if (step.minusInfinity() && CheckRequest.MINUS_INFINITY.contains(text.toLowerCase(Locale.ROOT))) {
                return Double.NEGATIVE_INFINITY;
            }
            throw RejectedRequest.badCell(where + " must be a number" + (step.minusInfinity() ? " or \"-inf\"" : "") + ", not the text \""
                    + shorten(text) + "\"", r + 1, c + 1);
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw RejectedRequest.badCell(where + " must be a finite number, not " + MatrixJson.describe(node), r + 1, c + 1);
        }
        return node.doubleValue();
    }

    private static String shape(LayerStep step, LayerProblem p) {
        return p.rows(step) + "×" + p.cols(step);
    }

    private static String keys(LayerProblem p) {
        return String.join(", ", p.steps().stream().map(LayerStep::key).toList());
    }

    private static String shorten(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "…" : text;
    }
}
