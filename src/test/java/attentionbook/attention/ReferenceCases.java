package attentionbook.attention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The reference cases of src/test/resources/attention-cases.json, read with Jackson. */
final class ReferenceCases {

    /** One case: its name, inputs, and the raw "expected" node. */
    record Case(String name, Matrix x, AttentionSpec spec, JsonNode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ReferenceCases() {
    }

    static List<Case> all() {
        return read(json(), node -> new AttentionSpec(matrix(node.get("wq")), matrix(node.get("wk")), matrix(node.get("wv")),
                wo(node), node.get("heads").asInt(), node.get("causal").asBoolean(), node.get("scale").asBoolean()));
    }

    /** The cases of modern-attention-cases.json: grouped-query heads, sliding windows and rotary positions. */
    static List<Case> modern() {
        return read(json("modern-attention-cases.json"), node -> new AttentionSpec(matrix(node.get("wq")),
                matrix(node.get("wk")), matrix(node.get("wv")), wo(node), node.get("heads").asInt(),
                node.get("causal").asBoolean(), node.get("scale").asBoolean(), node.get("kv_heads").asInt(),
                node.get("window").asInt(), node.get("rope").asBoolean()));
    }

    private static List<Case> read(JsonNode nodes, Function<JsonNode, AttentionSpec> spec) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode node : nodes) {
            cases.add(new Case(node.get("name").asText(), matrix(node.get("x")), spec.apply(node), node.get("expected")));
        }
        return cases;
    }

    private static Matrix wo(JsonNode node) {
        JsonNode wo = node.get("wo");
        return wo == null || wo.isNull() ? null : matrix(wo);
    }

    static JsonNode json() {
        return json("attention-cases.json");
    }

    /** A JSON file of src/test/resources. */
    static JsonNode json(String resource) {
        try (InputStream in = ReferenceCases.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON number, or the strings "-inf" / "inf" the reference uses for infinities. */
    static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        switch (node.asText()) {
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "inf": return Double.POSITIVE_INFINITY;
            default: throw new IllegalArgumentException("unexpected value in the reference: " + node);
        }
    }

    static Matrix matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = new double[rows.get(r).size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = number(rows.get(r).get(c));
            }
        }
        return Matrix.of(out);
    }
}
