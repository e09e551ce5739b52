package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The usual wrong procedures of each step of a whole layer, applied to the grids the learner's step
 * was computed from (their own earlier grids, or the book's where they gave none), so that a mistake
 * is recognised even when an earlier step was already wrong.
 */
final class LayerMistakes {
    /** A wrong procedure and what it gives for the step, one grid a head as the step has. */
    record Slip(String key, String text, List<Matrix> result) {
    }

    private LayerMistakes() {
    }

    static List<Slip> of(LayerProblem p, LayerStep step, Map<LayerStep, List<Matrix>> basis) {
        List<Slip> slips = new ArrayList<>();
        switch (step) {
            case Q -> slips.add(new Slip("wrong-projection", "You multiplied X by W_K instead of W_Q. Each of Q, K and V"
                    + " has its own matrix: Q = X·W_Q.", List.of(p.x().times(p.wk()))));
            case K -> slips.add(new Slip("wrong-projection", "You multiplied X by W_Q instead of W_K. Each of Q, K and V"
                    + " has its own matrix: K = X·W_K.", List.of(p.x().times(p.wq()))));
            case V -> slips.add(new Slip("wrong-projection", "You multiplied X by W_K instead of W_V. Each of Q, K and V"
                    + " has its own matrix: V = X·W_V.", List.of(p.x().times(p.wk()))));
            case SCORES -> scores(p, basis, slips);
            case SCALED -> {
                List<Matrix> scores = basis.get(LayerStep.SCORES);
                slips.add(new Slip("sqrt-d-model", "You divided by √d_model = √" + p.dModel() + " instead of √d_k = √"
                        + p.headWidth() + ". Scaling uses the width of one head's queries and keys.",
                        scores.stream().map(s -> s.scale(1 / Math.sqrt(p.dModel()))).toList()));
                slips.add(new Slip("not-scaled", "You left the scores as they were. Divide every score by √d_k = √"
                        + p.headWidth() + ".", scores));
                slips.add(new Slip("divided-by-d-k", "You divided by d_k = " + p.headWidth() + " instead of its square"
                        + " root √d_k.", scores.stream().map(s -> s.scale(1.0 / p.headWidth())).toList()));
            }
            case MASKED -> {
                List<Matrix> scaled = basis.get(LayerStep.SCALED);
                slips.add(new Slip("wrong-side", "You hid the earlier tokens instead of the later ones. Row i sees"
                        + " tokens 1 to i: the −∞ cells lie above the diagonal.", hide(scaled, Side.BELOW)));
                slips.add(new Slip("hid-diagonal", "You hid the diagonal too. A token always sees itself: row i keeps"
                        + " columns 1 to i.", hide(scaled, Side.FROM_DIAGONAL)));
                slips.add(new Slip("no-mask", "You left every cell visible. The causal mask sets each cell above the"
                        + " diagonal to −∞.", scaled));
            }
            case WEIGHTS -> {
                List<Matrix> in = basis.get(p.causal() ? LayerStep.MASKED : LayerStep.SCALED);
                slips.add(new Slip("softmax-columns", "You ran softmax down each column. Here a token is a row, so"
                        + " softmax runs along each row: every row of weights sums to 1.",
                        in.stream().map(s -> LayerProblem.softmax(s.transpose()).transpose()).toList()));
                slips.add(new Slip("rounded-exponentials", "You rounded the exponentials to 1 decimal before dividing."
                        + " Keep at least 3 decimals until the last step.", in.stream().map(LayerMistakes::roughSoftmax).toList()));
            }
            case OUTPUT -> {
                List<Matrix> weights = basis.get(LayerStep.WEIGHTS);
                Matrix k = basis.get(LayerStep.K).get(0);
                Matrix v = basis.get(LayerStep.V).get(0);
                slips.add(new Slip("keys-for-values", "You mixed the rows of K instead of V. The weights decide how"
                        + " much of each token to take; what is taken is its value: output = A·V.", List.of(p.mix(weights, k))));
                slips.add(new Slip("rounded-too-early", "You rounded the weights to 1 decimal before multiplying."
                        + " Keep 2 decimals or more until the end.",
                        List.of(p.mix(weights.stream().map(w -> Grids.rounded(w, 1)).toList(), v))));
            }
        }
        return slips;
    }

    private static void scores(LayerProblem p, Map<LayerStep, List<Matrix>> basis, List<Slip> slips) {
        Matrix q = basis.get(LayerStep.Q).get(0);
        Matrix k = basis.get(LayerStep.K).get(0);
        List<Matrix> mirrored = new ArrayList<>();
        List<Matrix> untransposed = new ArrayList<>();
        for (int h = 0; h < p.heads(); h++) {
            mirrored.add(p.head(k, h).times(p.head(q, h).transpose()));
            if (p.headWidth() == p.tokens()) {
                untransposed.add(p.head(q, h).times(p.head(k, h)));
            }
        }
        if (!untransposed.isEmpty()) {
            slips.add(new Slip("no-transpose", "You multiplied Q by K without transposing K. A score pairs a row of Q"
                    + " with a row of K, which Kᵀ turns into a column. (Q·K only has a shape here because d_k equals T.)",
                    untransposed));
        }
        slips.add(new Slip("grid-transposed", "You computed K·Qᵀ, so your rows belong to keys and your columns to"
                + " queries: the grid is mirrored. Row i of the scores is the query of token i against every key.", mirrored));
    }

    private enum Side { BELOW, FROM_DIAGONAL }

    private static List<Matrix> hide(List<Matrix> grids, Side side) {
        return grids.stream().map(g -> hidden(g, side)).toList();
    }

    private static Matrix hidden(Matrix g, Side side) {
        double[][] cells = g.toArray();
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                if (side == Side.BELOW ? j < i : j >= i) {
                    cells[i][j] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        return Matrix.of(cells);
    }

    /** Softmax with each exponential rounded to 1 decimal before the division. */
    private static Matrix roughSoftmax(Matrix scores) {
        double[][] cells = new double[scores.rows()][];
        for (int r = 0; r < scores.rows(); r++) {
            double[] row = scores.row(r);
            double max = attentionbook.attention.Softmax.max(row);
            if (max == Double.NEGATIVE_INFINITY) {
                cells[r] = new double[row.length];
                java.util.Arrays.fill(cells[r], Double.NaN);
                continue;
            }
            cells[r] = Exponentials.normalised(Exponentials.rounded(row, 1)).row(0);
        }
        return Matrix.of(cells);
    }
}
