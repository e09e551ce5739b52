package attentionbook.attention;

import java.util.ArrayList;
import java.util.List;

/**
 * Scaled dot-product multi-head attention, written as the equations (row-vector convention):
 * <pre>
 *   Q = X·Wq,  K = X·Wk,  V = X·Wv
 *   for each head h, with g = ⌊h·G/H⌋ its key/value group:
 *       A_h = softmax(R(Q_h)·R(K_g)ᵀ / √d_k + M),  O_h = A_h·V_g
 *   output = concat(O_1 … O_h)·Wo   (or the concat when there is no Wo)
 * </pre>
 * R is the rotary position embedding when the spec asks for it, else nothing; M hides the future
 * (causal) and, with a window, the tokens too far back.
 * Every intermediate is kept in the returned {@link AttentionTrace}.
 */
public final class Attention {

    private Attention() {
    }

    /**
     * Attention over one sequence x (T×d_model). ShapeException if x does not have d_model columns;
     * IllegalArgumentException if x holds NaN or ±Infinity; NonFiniteResultException naming the step
     * when a result would not be finite (the mask's −∞ excepted).
     */
    public static AttentionTrace run(Matrix x, AttentionSpec spec) {
        requireInput(x, spec);
        int heads = spec.heads();
        int dk = spec.headWidth();
        int dv = spec.valueHeadWidth();

        Matrix q = x.times(spec.wq());                  // Q = X·Wq   [T×d_model]·[d_model×h·d_k] = [T×h·d_k]
        Finite.check(Step.Q, q, spec);
        Matrix k = x.times(spec.wk());                  // K = X·Wk   [T×d_model]·[d_model×g·d_k] = [T×g·d_k]
        Finite.check(Step.K, k, spec);
        Matrix v = x.times(spec.wv());                  // V = X·Wv   [T×d_model]·[d_model×g·d_v] = [T×g·d_v]
        Finite.check(Step.V, v, spec);

        List<HeadTrace> headTraces = new ArrayList<>(heads);
        List<Matrix> headOutputs = new ArrayList<>(heads);
        for (int h = 0; h < heads; h++) {
            int g = spec.kvGroup(h);                     // the key/value head that query head h shares
            Matrix qh = q.columns(h * dk, (h + 1) * dk); // Q_h = Q[:, h·d_k … (h+1)·d_k−1]   [T×d_k]
            Matrix kh = k.columns(g * dk, (g + 1) * dk); // K_g = K[:, g·d_k … (g+1)·d_k−1]   [T×d_k]
            Matrix vh = v.columns(g * dv, (g + 1) * dv); // V_g = V[:, g·d_v … (g+1)·d_v−1]   [T×d_v]
            Matrix qRotated = spec.rope() ? Rope.rotate(qh) : null; // row p turned by p·θ_m   [T×d_k]
            Matrix kRotated = spec.rope() ? Rope.rotate(kh) : null; // row p turned by p·θ_m   [T×d_k]
            Matrix qs = spec.rope() ? qRotated : qh;
            Matrix ks = spec.rope() ? kRotated : kh;

            Matrix scores = qs.times(ks.transpose());    // S_h = Q_h·K_gᵀ   [T×d_k]·[d_k×T] = [T×T]
            Finite.check(Step.SCORES, scores, spec, h);
            Matrix scaled = spec.scale()
                    ? scores.scale(scaleFactor(dk))      // S_h × 1/√d_k   [T×T]
                    : scores;                            // unscaled: S_h   [T×T]
            Finite.check(Step.SCALED, scaled, spec, h);
            Matrix masked = !spec.causal() ? scaled      // no mask   [T×T]
                    : spec.window() > 0
                    ? SlidingWindowMask.apply(scaled, spec.window()) // M = −∞ where j > i or j ≤ i − w   [T×T]
                    : CausalMask.apply(scaled);          // S_h/√d_k + M, M = −∞ where j > i   [T×T]
            Finite.checkUnmasked(Step.MASKED, masked, spec, h);
            Matrix weights = Softmax.rows(masked);       // A_h = softmax(masked) row by row   [T×T], rows sum to 1
            Finite.check(Step.WEIGHTS, weights, spec, h);
            Matrix output = weights.times(vh);           // O_h = A_h·V_h   [T×T]·[T×d_v] = [T×d_v]
            Finite.check(Step.HEAD_OUTPUT, output, spec, h);

            headTraces.add(new HeadTrace(scores, scaled, masked, weights, output, g, qRotated, kRotated));
            headOutputs.add(output);
        }

        Matrix concat = Matrix.concatColumns(headOutputs); // concat(O_1 … O_h)   h × [T×d_v] = [T×h·d_v]
        Finite.check(Step.CONCAT, concat, spec);
        Matrix output = spec.wo() == null
                ? concat                                 // no Wo: output = concat   [T×h·d_v]
                : concat.times(spec.wo());               // concat·Wo   [T×h·d_v]·[h·d_v×d_out] = [T×d_out]
        Finite.check(Step.OUTPUT, output, spec);

        return new AttentionTrace(q, k, v, headTraces, concat, output);
    }

    /**
     * Attention over every sequence of a batch (B sequences, each T×d_model): one trace per sequence,
     * in order. ShapeException naming the sequence (1-based, with its 0-based index) when the sequences
     * do not all have the same number of tokens T.
     */
    public static List<AttentionTrace> runBatch(List<Matrix> batch, AttentionSpec spec) {
        if (batch == null || batch.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        Matrix first = batch.get(0);
        if (first == null) {
            throw new IllegalArgumentException("sequence 1 (index 0) is missing");
        }
        for (int b = 1; b < batch.size(); b++) {
            Matrix sequence = batch.get(b);
            if (sequence == null) {
                throw new IllegalArgumentException(sequenceName(b) + " is missing");
            }
            if (sequence.rows() != first.rows()) {
                throw new ShapeException(sequenceName(b) + " is " + sequence.shape() + " but sequence 1 (index 0) is "
                        + first.shape() + ": every sequence in a batch must have the same number of tokens (T = "
                        + first.rows() + ")");
            }
        }
        List<AttentionTrace> traces = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            try {
                traces.add(run(batch.get(b), spec));      // the same layer on sequence b   [T×d_model] → trace
            } catch (ShapeException e) {
                throw new ShapeException(sequenceName(b) + ": " + e.getMessage());
            } catch (NonFiniteResultException e) {
                throw new NonFiniteResultException(e.step(), sequenceName(b) + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sequenceName(b) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(traces);
    }

    /** 1/√d_k, the factor the scores are multiplied by when scaling is on. */
    public static double scaleFactor(int headWidth) {
        return 1.0 / Math.sqrt(headWidth);
    }

    private static String sequenceName(int index) {
        return "sequence " + (index + 1) + " (index " + index + ")";
    }

    /** The checks every attention runs on its input: spec and x present, x T×d_model, every number finite. */
    static void requireInput(Matrix x, AttentionSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("the attention spec is missing");
        }
        if (x == null) {
            throw new IllegalArgumentException("x is missing: attention needs a T×d_model input");
        }
        if (x.cols() != spec.dModel()) {
            throw new ShapeException("x is " + x.shape() + " but wq is " + spec.wq().shape()
                    + ": x needs one column per row of wq (d_model = " + spec.dModel() + ")");
        }
        AttentionSpec.requireFinite(x, "x");
    }
}
