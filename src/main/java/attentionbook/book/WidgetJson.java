package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Small helpers for writing a widget's normalised state. */
final class WidgetJson {
    private WidgetJson() {
    }

    static ObjectNode object() {
        return Mappers.JSON.createObjectNode();
    }

    static ArrayNode matrix(double[][] rows) {
        ArrayNode out = Mappers.JSON.createArrayNode();
        for (double[] row : rows) {
            out.add(vector(row));
        }
        return out;
    }

    static ArrayNode vector(double[] values) {
        ArrayNode out = Mappers.JSON.createArrayNode();
        for (double value : values) {
            out.add(value);
        }
        return out;
    }

    static ArrayNode ints(List<Integer> values) {
        ArrayNode out = Mappers.JSON.createArrayNode();
        values.forEach(out::add);
        return out;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode out = Mappers.JSON.createArrayNode();
        values.forEach(out::add);
        return out;
    }

    /** A 1-based [row, column] pair from 1 to size each, or null when absent. */
    static int[] cell(JsonNode node, String field, int rows, int cols) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() != 2) {
            throw new MatrixJson.Invalid("\"" + field + "\" must be a [row, column] pair counted from 1, such as [2, 1]");
        }
        int row = MatrixJson.integer(node.get(0), field, 1);
        int col = MatrixJson.integer(node.get(1), field, 1);
        if (row < 1 || row > rows || col < 1 || col > cols) {
            throw new MatrixJson.Invalid("\"" + field + "\" is [" + row + ", " + col + "], outside the " + rows + "×" + cols
                    + " grid: rows count from 1 to " + rows + " and columns from 1 to " + cols);
        }
        return new int[]{row, col};
    }
}
