package attentionbook.web;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 200 response of POST /api/attention, as in DESIGN.md ("The JSON API"): every step of the trace;
 * for a batched x each matrix gains a leading batch index (double[B][T][..]); masked cells are null.
 * Added fields: dk and dv (one head's widths) and shapes, each step's shape ("6×3", or "2×6×3"); each head's
 * kv_group, and with rope its q_rotated and k_rotated.
 */
record AttentionResponse(Object q, Object k, Object v, List<Head> heads, Object concat, Object output,
                       int dk, int dv, Map<String, String> shapes) {

    /**
     * One head's steps; every matrix is T×T except output (T×d_v), with the batch index first when batched.
     * kv_group is the key/value head it reads; q_rotated and k_rotated (T×d_k) are there only with rope.
     */
    record Head(Object scores, Object scaled, Object masked, Object weights, Object output,
                @JsonProperty("kv_group") int kvGroup,
                @JsonProperty("q_rotated") @JsonInclude(JsonInclude.Include.NON_NULL) Object qRotated,
                @JsonProperty("k_rotated") @JsonInclude(JsonInclude.Include.NON_NULL) Object kRotated) {
    }

    static AttentionResponse of(AttentionRequest request, List<AttentionTrace> traces) {
        Steps steps = new Steps(traces, request.batched());
        List<Head> heads = new ArrayList<>();
        for (int h = 0; h < request.spec().heads(); h++) {
            int head = h;
            heads.add(new Head(steps.cells(t -> t.heads().get(head).scores()),
                    steps.cells(t -> t.heads().get(head).scaled()),
                    steps.withHidden(t -> t.heads().get(head).masked()),
                    steps.cells(t -> t.heads().get(head).weights()),
                    steps.cells(t -> t.heads().get(head).output()), request.spec().kvGroup(head),
                    request.spec().rope() ? steps.cells(t -> t.heads().get(head).qRotated()) : null,
                    request.spec().rope() ? steps.cells(t -> t.heads().get(head).kRotated()) : null));
        }
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("x", steps.shape(request.sequences().get(0)));
        AttentionTrace first = traces.get(0);
        for (Step step : Step.values()) {
            shapes.put(step.key(), steps.shape(first.matrix(step, 0)));
        }
        if (request.spec().rope()) {
            shapes.put("q_rotated", steps.shape(first.heads().get(0).qRotated()));
            shapes.put("k_rotated", steps.shape(first.heads().get(0).kRotated()));
        }
        return new AttentionResponse(steps.cells(AttentionTrace::q), steps.cells(AttentionTrace::k),
                steps.cells(AttentionTrace::v), heads, steps.cells(AttentionTrace::concat),
                steps.cells(AttentionTrace::output), request.spec().headWidth(), request.spec().valueHeadWidth(), shapes);
    }

    /** One step's matrices across the batch, as the nested arrays Jackson writes. */
    private record Steps(List<AttentionTrace> traces, boolean batched) {

        /** double[T][..], or double[B][T][..]; a cell that is not finite is a bug upstream and is refused. */
        Object cells(Function<AttentionTrace, Matrix> step) {
            double[][][] all = new double[traces.size()][][];
            for (int b = 0; b < all.length; b++) {
                Matrix m = step.apply(traces.get(b));
                if (!m.allFinite()) {
                    throw new ArithmeticException("a result is not a finite number (inputs too large)");
                }
                all[b] = m.toArray();
            }
            return batched ? all : all[0];
        }

        /** As {@link #cells}, but the mask's −∞ becomes null (JSON has no infinity). */
        Object withHidden(Function<AttentionTrace, Matrix> step) {
            Double[][][] all = new Double[traces.size()][][];
            for (int b = 0; b < all.length; b++) {
                Matrix m = step.apply(traces.get(b));
                all[b] = new Double[m.rows()][m.cols()];
                for (int i = 0; i < m.rows(); i++) {
                    for (int j = 0; j < m.cols(); j++) {
                        double value = m.get(i, j);
                        if (Double.isNaN(value) || value == Double.POSITIVE_INFINITY) {
                            throw new ArithmeticException("a masked score is not a finite number (inputs too large)");
                        }
                        all[b][i][j] = value == Double.NEGATIVE_INFINITY ? null : value;
                    }
                }
            }
            return batched ? all : all[0];
        }

        String shape(Matrix m) {
            return batched ? traces.size() + "×" + m.shape() : m.shape();
        }
    }
}
