package attentionbook.web;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Explainer;
import attentionbook.attention.Explanation;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.LayerExplainer;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;
import attentionbook.book.MatrixJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The body of POST /api/attention/explain: an attention body plus the cell to explain. Indexes are
 * 0-based, as in the JSON arrays of /api/attention's response; every message says so.
 *
 * @param step    the step of the cell, or null for a rotated q or k cell
 * @param rotated "q_rotated" or "k_rotated" (a head's rows after rotary positions, with rope), else null
 * @param head    the head for the per-head steps; 0 when not given
 * @param batch   the sequence of a batched x; -1 when x is one sequence
 */
record ExplainRequest(AttentionRequest attention, Step step, String rotated, int head, int row, int col, int batch) {

    static final Set<String> FIELDS = union(AttentionRequest.FIELDS, "step", "head", "row", "col", "batch");
    /** The answer's per-head q_rotated and k_rotated, explained beside the steps when rope is on. */
    private static final Set<String> ROTATED = Set.of("q_rotated", "k_rotated");

    private static final String ZERO_BASED = "0-based, as in the JSON arrays";

    static ExplainRequest from(JsonNode body) {
        AttentionRequest attention = AttentionRequest.from(body, FIELDS);
        JsonNode stepNode = body.get("step");
        String rotated = stepNode != null && stepNode.isTextual() && ROTATED.contains(stepNode.textValue()) ? stepNode.textValue() : null;
        if (rotated != null && !attention.spec().rope()) {
            throw RejectedRequest.badRequest("\"step\" is \"" + rotated + "\" but \"rope\" is off: q and k are rotated only with "
                    + "\"rope\": true");
        }
        Step step = rotated == null ? step(stepNode) : null;
        int batch = batch(body.get("batch"), attention);
        int heads = attention.spec().heads();
        int head = MatrixJson.integer(body.get("head"), "head", 0);
        inRange("head", head, heads, "there " + (heads == 1 ? "is 1 head" : "are " + heads + " heads"));
        return new ExplainRequest(attention, step, rotated, head, required(body, "row"), required(body, "col"), batch);
    }

    /** Runs the attention and explains the cell; the row and column are checked against the step's matrix. */
    Explanation explain() {
        AttentionTrace trace = attention.run().get(Math.max(batch, 0));
        if (rotated != null) {
            return explainRotated(trace);
        }
        Matrix matrix = trace.matrix(step, head);
        String name = step.key() + (step.perHead() ? " of head " + head : "");
        inRange("row", row, matrix.rows(), name + " is " + matrix.shape());
        inRange("col", col, matrix.cols(), name + " is " + matrix.shape());
        return Explainer.explain(attention.sequences().get(Math.max(batch, 0)), attention.spec(), trace, step, head, row, col);
    }

    /** A cell of head h's q_rotated (Q_h turned by position) or k_rotated (K of its key/value group turned). */
    private Explanation explainRotated(AttentionTrace trace) {
        HeadTrace headTrace = trace.heads().get(head);
        Matrix matrix = rotated.equals("q_rotated") ? headTrace.qRotated() : headTrace.kRotated();
        String name = rotated + " of head " + head;
        inRange("row", row, matrix.rows(), name + " is " + matrix.shape());
        inRange("col", col, matrix.cols(), name + " is " + matrix.shape());
        return LayerExplainer.rotated(trace, attention.spec(), rotated.equals("q_rotated"), head, row, col);
    }

    private static Step step(JsonNode node) {
        if (node == null || node.isNull()) {
            throw RejectedRequest.badRequest("\"step\" is missing: it names the matrix of the cell, one of " + Step.validKeys());
        }
        if (!node.isTextual()) {
            throw RejectedRequest.badRequest("\"step\" must be text, one of " + Step.validKeys() + ", not " + node);
        }
        String key = node.textValue();
        if (Arrays.stream(Step.values()).noneMatch(s -> s.key().equals(key))) {
            Set<String> keys = new LinkedHashSet<>(Arrays.stream(Step.values()).map(Step::key).toList());
            String hint = MatrixJson.closest(key, keys);
            throw RejectedRequest.badRequest("\"step\" is \"" + key + "\", which is not a step"
                    + (hint == null ? "" : " (did you mean \"" + hint + "\"?)") + "; the steps are " + Step.validKeys()
                    + " (and, with rope, q_rotated and k_rotated)");
        }
        return Step.fromKey(key);
    }

    private static int batch(JsonNode node, AttentionRequest attention) {
        boolean given = node != null && !node.isNull();
        if (!attention.batched()) {
            if (given) {
                throw RejectedRequest.badRequest("\"batch\" is only for a batched x (a list of matrices); this x is one "
                        + attention.sequences().get(0).shape() + " sequence, so leave \"batch\" out");
            }
            return -1;
        }
        if (!given) {
            throw RejectedRequest.badRequest("\"batch\" is missing: x is a batch of " + sequences(attention)
                    + ", so say which one (" + ZERO_BASED + ")");
        }
        int batch = MatrixJson.integer(node, "batch", 0);
        inRange("batch", batch, attention.sequences().size(), "x holds " + sequences(attention));
        return batch;
    }

    private static String sequences(AttentionRequest attention) {
        int count = attention.sequences().size();
        return count == 1 ? "1 sequence" : count + " sequences";
    }

    private static int required(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw RejectedRequest.badRequest("\"" + field + "\" is missing: the " + (field.equals("row") ? "row" : "column")
                    + " of the cell to explain (" + ZERO_BASED + ")");
        }
        return MatrixJson.integer(node, field, 0);
    }

    /** "row" is 6 but scores of head 0 is 6×6: row must be 0–5 (0-based, as in the JSON arrays) */
    private static void inRange(String field, int index, int size, String why) {
        if (index < 0 || index >= size) {
            String range = size == 1 ? "0" : "0–" + (size - 1);
            throw RejectedRequest.badRequest("\"" + field + "\" is " + index + " but " + why + ": " + field + " must be "
                    + range + " (" + ZERO_BASED + ")");
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(Arrays.asList(more));
        return Set.copyOf(all);
    }
}
