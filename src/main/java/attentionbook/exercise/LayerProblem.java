package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.CausalMask;
import attentionbook.attention.Matrix;
import attentionbook.attention.Softmax;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A whole attention layer to work by hand: X and the three projections, the number of heads and
 * whether the mask is causal. Every step can be computed from any grids for its inputs (the book's,
 * or a learner's own), always with the core's matrix product, scaling, mask and softmax.
 */
public record LayerProblem(Matrix x, Matrix wq, Matrix wk, Matrix wv, int heads, boolean causal) {

    public int tokens() {
        return x.rows();
    }

    public int dModel() {
        return x.cols();
    }

    /** d_k: each head's width of queries, keys and values. */
    public int headWidth() {
        return wq.cols() / heads;
    }

    public AttentionSpec spec() {
        return new AttentionSpec(wq, wk, wv, null, heads, causal, true);
    }

    /** The steps a learner fills in: the masked scores only under a causal mask. */
    public List<LayerStep> steps() {
        List<LayerStep> steps = new ArrayList<>(List.of(LayerStep.values()));
        if (!causal) {
            steps.remove(LayerStep.MASKED);
        }
        return steps;
    }

    /** How many grids a step has: one a head for the per-head steps. */
    public int grids(LayerStep step) {
        return step.perHead() ? heads : 1;
    }

    /** Rows × columns of each grid of a step. */
    public int rows(LayerStep step) {
        return tokens();
    }

    public int cols(LayerStep step) {
        return switch (step) {
            case Q, K, V, OUTPUT -> heads * headWidth();
            default -> tokens();
        };
    }

    /** The book's own grids for every step. */
    public Map<LayerStep, List<Matrix>> book() {
        Map<LayerStep, List<Matrix>> out = new EnumMap<>(LayerStep.class);
        for (LayerStep step : steps()) {
            out.put(step, compute(step, out));
        }
        return out;
    }

    /**
     * One step computed from the given grids of its inputs (which must be present and of the right
     * shapes). A row of weights whose masked scores are all −∞ has no softmax: its cells are NaN,
     * and the caller treats them as "nothing to compare with".
     */
    public List<Matrix> compute(LayerStep step, Map<LayerStep, List<Matrix>> from) {
        int dk = headWidth();
        List<Matrix> out = new ArrayList<>();
        switch (step) {
            case Q -> out.add(x.times(wq));
            case K -> out.add(x.times(wk));
            case V -> out.add(x.times(wv));
            case SCORES -> {
                Matrix q = from.get(LayerStep.Q).get(0);
                Matrix k = from.get(LayerStep.K).get(0);
                for (int h = 0; h < heads; h++) {
                    out.add(head(q, h).times(head(k, h).transpose()));
                }
            }
            case SCALED -> from.get(LayerStep.SCORES).forEach(s -> out.add(s.scale(Attention.scaleFactor(dk))));
            case MASKED -> from.get(LayerStep.SCALED).forEach(s -> out.add(CausalMask.apply(s)));
            case WEIGHTS -> from.get(causal ? LayerStep.MASKED : LayerStep.SCALED).forEach(s -> out.add(softmax(s)));
            case OUTPUT -> out.add(mix(from.get(LayerStep.WEIGHTS), from.get(LayerStep.V).get(0)));
        }
        return out;
    }

    /** Each head's weights times its column block of {@code m} (V, or K for the slip), the heads side by side. */
    Matrix mix(List<Matrix> weights, Matrix m) {
        List<Matrix> blocks = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            blocks.add(weights.get(h).times(head(m, h)));
        }
        return Matrix.concatColumns(blocks);
    }

    /** Head h's column block of Q, K or V. */
    public Matrix head(Matrix m, int h) {
        return m.columns(h * headWidth(), (h + 1) * headWidth());
    }

    /** Softmax along each row; a row with nothing visible becomes NaN instead of stopping the whole grid. */
    static Matrix softmax(Matrix scores) {
        double[][] cells = new double[scores.rows()][];
        for (int r = 0; r < scores.rows(); r++) {
            try {
                cells[r] = Softmax.stable(scores.row(r));
            } catch (IllegalArgumentException e) {
                cells[r] = new double[scores.cols()];
                java.util.Arrays.fill(cells[r], Double.NaN);
            }
        }
        return Matrix.of(cells);
    }
}
