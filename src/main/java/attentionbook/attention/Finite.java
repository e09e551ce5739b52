package attentionbook.attention;

import static attentionbook.attention.Notation.sub;

/** Checks a step's result for NaN and ±Infinity and says, in words, which cell overflowed. */
final class Finite {

    private Finite() {
    }

    /** A step that is not per head (q, k, v, concat, output). */
    static void check(Step step, Matrix result, AttentionSpec spec) {
        check(step, result, spec, -1);
    }

    /** Every cell must be finite. */
    static void check(Step step, Matrix result, AttentionSpec spec, int head) {
        scan(step, result, spec, head, false);
    }

    /** Every cell must be finite except the mask's hidden cells, which must be −∞. */
    static void checkUnmasked(Step step, Matrix result, AttentionSpec spec, int head) {
        scan(step, result, spec, head, spec.causal());
    }

    private static void scan(Step step, Matrix result, AttentionSpec spec, int head, boolean masked) {
        if (result.allFinite()) {
            return;
        }
        for (int i = 0; i < result.rows(); i++) {
            for (int j = 0; j < result.cols(); j++) {
                if (masked && spec.hidden(i, j)) {
                    continue;
                }
                double value = result.get(i, j);
                if (!Double.isFinite(value)) {
                    throw new NonFiniteResultException(step, message(step, spec, head, i, j, value));
                }
            }
        }
    }

    private static String message(Step step, AttentionSpec spec, int head, int i, int j, double value) {
        String inHead = head >= 0 && spec.heads() > 1 ? " in head " + (head + 1) : "";
        String problem = Double.isNaN(value)
                ? " is not a number (NaN) after overflowing a double (inputs too large)"
                : " is too large for a double (inputs too large)";
        return subject(step) + ": " + cell(step, i + 1, j + 1) + inHead + problem;
    }

    private static String subject(Step step) {
        switch (step) {
            case Q: return "the queries overflow";
            case K: return "the keys overflow";
            case V: return "the values overflow";
            case SCORES: return "the scores overflow";
            case SCALED: return "the scaled scores overflow";
            case MASKED: return "the masked scores overflow";
            case WEIGHTS: return "the weights overflow";
            case HEAD_OUTPUT: return "the head outputs overflow";
            case CONCAT: return "the concatenated outputs overflow";
            case OUTPUT: return "the output overflows";
            default: throw new IllegalStateException("unhandled step " + step);
        }
    }

    /** The overflowing cell in the book's notation, 1-based. */
    private static String cell(Step step, int i, int j) {
        switch (step) {
            case Q: return "Q[" + i + "][" + j + "] = x" + sub(i) + "·(column " + j + " of Wq)";
            case K: return "K[" + i + "][" + j + "] = x" + sub(i) + "·(column " + j + " of Wk)";
            case V: return "V[" + i + "][" + j + "] = x" + sub(i) + "·(column " + j + " of Wv)";
            case SCORES: return "q" + sub(i) + "·k" + sub(j);
            case SCALED:
            case MASKED: return "q" + sub(i) + "·k" + sub(j) + "/√d_k";
            case WEIGHTS: return "the weight of token " + j + " in row " + i;
            case HEAD_OUTPUT: return "row " + i + ", column " + j + " of the head's output";
            case CONCAT: return "concat[" + i + "][" + j + "]";
            case OUTPUT: return "output[" + i + "][" + j + "] = concat" + sub(i) + "·(column " + j + " of Wo)";
            default: throw new IllegalStateException("unhandled step " + step);
        }
    }
}
