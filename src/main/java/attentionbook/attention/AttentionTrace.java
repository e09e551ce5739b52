package attentionbook.attention;

import java.util.List;

/**
 * Every intermediate of one attention layer on one sequence: q, k, v (T×h·d_k, T×h·d_k, T×h·d_v),
 * one {@link HeadTrace} per head, concat (T×h·d_v) and output (T×d_out).
 */
public record AttentionTrace(Matrix q, Matrix k, Matrix v, List<HeadTrace> heads, Matrix concat, Matrix output) {

    public AttentionTrace {
        heads = List.copyOf(heads);
    }

    /** The matrix held by a step: for per-head steps, that of the given head (0-based); head is ignored otherwise. */
    public Matrix matrix(Step step, int head) {
        switch (step) {
            case Q: return q;
            case K: return k;
            case V: return v;
            case CONCAT: return concat;
            case OUTPUT: return output;
            default: break;
        }
        if (head < 0 || head >= heads.size()) {
            throw new IllegalArgumentException("head " + head + " is out of range: there "
                    + (heads.size() == 1 ? "is 1 head (0)" : "are " + heads.size() + " heads (0–" + (heads.size() - 1) + ")"));
        }
        HeadTrace trace = heads.get(head);
        switch (step) {
            case SCORES: return trace.scores();
            case SCALED: return trace.scaled();
            case MASKED: return trace.masked();
            case WEIGHTS: return trace.weights();
            case HEAD_OUTPUT: return trace.output();
            default: throw new IllegalStateException("unhandled step " + step);
        }
    }
}
