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

    static final Set<String> FIELDS = Set.of("x", "wq", "wk", "wv", "wo", "heads", "causal", "scale");

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
        return new AttentionRequest(List.copyOf(sequences), batched, new AttentionSpec(wq, wk, wv,
                wo == null || wo.isNull() ? null : weights(body, "wo", "h·d_v", "d_out"), heads, causal, scale));
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
