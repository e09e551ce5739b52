package attentionbook.web;

import static attentionbook.web.AttentionLimits.require;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import attentionbook.book.MatrixJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of POST /api/attention, read and checked: x as one sequence or a batch, and the layer.
 * Field mistakes and sizes over {@link AttentionLimits} are refused here; how the shapes fit
 * together is checked by the core ({@link AttentionSpec}, {@link Attention#run}), which names both shapes.
 *
 * @param sequences x: one T×d_model matrix, or B of them when batched
 * @param batched   true when x was sent as a list of matrices, so every result gains a leading batch index
 */
record AttentionRequest(List<Matrix> sequences, boolean batched, AttentionSpec spec) {

    static final Set<String> FIELDS = Set.of("x", "wq", "wk", "wv", "wo", "heads", "causal", "scale", "kv_heads", "window",
            "rope");

    static AttentionRequest from(JsonNode body) {
        return from(body, FIELDS);
    }

    /** @param fields every field the endpoint accepts (explain adds its own to {@link #FIELDS}) */
    static AttentionRequest from(JsonNode body, Set<String> fields) {
        MatrixJson.onlyKnownKeys(body, fields, "the body");
        JsonNode x = body.get("x");
        boolean batched = MatrixJson.isBatch(x);
        if (batched) {
            require("x", "sequences (B)", x.size(), AttentionLimits.MAX_BATCH);
        }
        List<Matrix> sequences = new ArrayList<>();
        for (double[][] sequence : MatrixJson.sequences(x, "x")) {
            sequences.add(Matrix.of(sequence));
        }
        int tokens = sequences.get(0).rows();
        if (batched) {
            require("x", "tokens in all (B·T = " + sequences.size() + "·" + tokens + ")", sequences.size() * tokens,
                    AttentionLimits.MAX_TOKENS);
        } else {
            require("x", "rows (tokens, T)", tokens, AttentionLimits.MAX_TOKENS);
        }
        require("x", "columns (d_model)", sequences.get(0).cols(), AttentionLimits.MAX_WIDTH);

        Matrix wq = weights(body, "wq", "d_model", "h·d_k");
        Matrix wk = weights(body, "wk", "d_model", "h·d_k");
        Matrix wv = weights(body, "wv", "d_model", "h·d_v");
        JsonNode wo = body.get("wo");
        int heads = MatrixJson.integer(body.get("heads"), "heads", 1);
        require("heads", "heads", heads, AttentionLimits.MAX_HEADS);
        boolean causal = MatrixJson.bool(body.get("causal"), "causal", false);
        boolean scale = MatrixJson.bool(body.get("scale"), "scale", true);
        int kvHeads = kvHeads(body.get("kv_heads"), heads);
        int window = window(body.get("window"), causal);
        boolean rope = MatrixJson.bool(body.get("rope"), "rope", false);
        if (rope && wq.cols() % heads == 0 && wq.cols() / heads % 2 != 0) {
            throw new MatrixJson.Invalid("\"rope\" needs an even d_k, but d_k = " + wq.cols() / heads + " (wq is "
                    + wq.shape() + " with heads = " + heads + "): rotary positions turn each head's coordinates in pairs");
        }
        return new AttentionRequest(List.copyOf(sequences), batched, new AttentionSpec(wq, wk, wv,
                wo == null || wo.isNull() ? null : weights(body, "wo", "h·d_v", "d_out"), heads, causal, scale,
                kvHeads, window, rope));
    }

    /** g, the key/value heads: default h, at least 1, and a divisor of h. */
    private static int kvHeads(JsonNode node, int heads) {
        if (node == null || node.isNull()) {
            return heads;
        }
        int kvHeads = MatrixJson.integer(node, "kv_heads", heads);
        if (kvHeads < 1) {
            throw new MatrixJson.Invalid("\"kv_heads\" must be at least 1, not " + kvHeads);
        }
        require("kv_heads", "key/value heads", kvHeads, AttentionLimits.MAX_HEADS);
        if (heads % kvHeads != 0) {
            throw new MatrixJson.Invalid("\"kv_heads\" is " + kvHeads + " but must divide \"heads\" = " + heads
                    + ": each key/value head serves the same number of query heads");
        }
        return kvHeads;
    }

    /** w, the sliding window in tokens: 0 (none) when absent; at least 1, and only with the causal mask. */
    private static int window(JsonNode node, boolean causal) {
        if (node == null || node.isNull()) {
            return 0;
        }
        int window = MatrixJson.integer(node, "window", 0);
        if (window < 1) {
            throw new MatrixJson.Invalid("\"window\" must be at least 1 (the token itself), not " + window);
        }
        if (!causal) {
            throw new MatrixJson.Invalid("\"window\" needs \"causal\": true: a sliding window limits how far back a "
                    + "causal row looks");
        }
        return window;
    }

    /** One trace per sequence; for a single sequence the core's messages are not prefixed with "sequence 1". */
    List<AttentionTrace> run() {
        return batched ? Attention.runBatch(sequences, spec) : List.of(Attention.run(sequences.get(0), spec));
    }

    private static Matrix weights(JsonNode body, String field, String rows, String columns) {
        Matrix m = Matrix.of(MatrixJson.matrix(body.get(field), field));
        require(field, "rows (" + rows + ")", m.rows(), AttentionLimits.MAX_WIDTH);
        require(field, "columns (" + columns + ")", m.cols(), AttentionLimits.MAX_WIDTH);
        return m;
    }
}
