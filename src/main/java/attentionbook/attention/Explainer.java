package attentionbook.attention;

import static attentionbook.attention.Notation.factor;
import static attentionbook.attention.Notation.number;
import static attentionbook.attention.Notation.columnRange;
import static attentionbook.attention.Notation.products;
import static attentionbook.attention.Notation.shortened;
import static attentionbook.attention.Notation.sub;
import static attentionbook.attention.Notation.sumOfProducts;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains one cell of an {@link AttentionTrace}: the formula, every product or exp term with exact
 * numbers, the arithmetic written out, and a sentence. Indexes come in 0-based; prose is 1-based.
 */
public final class Explainer {

    private Explainer() {
    }

    /**
     * The arithmetic that produced cell (row, col) of a step, all 0-based; head is used only for the
     * per-head steps (scores, scaled, masked, weights, head_output). IllegalArgumentException when an
     * index is out of range or x and the trace do not belong together.
     */
    public static Explanation explain(Matrix x, AttentionSpec spec, AttentionTrace trace,
                                      Step step, int head, int row, int col) {
        requireArguments(x, spec, trace, step);
        Matrix matrix = trace.matrix(step, head);
        checkIndex("row", row, matrix.rows(), step.key(), "rows");
        checkIndex("column", col, matrix.cols(), step.key(), "columns");
        Cell cell = new Cell(x, spec, trace, step, step.perHead() ? head : -1, row, col, matrix.get(row, col));
        switch (step) {
            case Q: return projection(cell, spec.wq(), "Q", "Wq");
            case K: return projection(cell, spec.wk(), "K", "Wk");
            case V: return projection(cell, spec.wv(), "V", "Wv");
            case SCORES: return scores(cell);
            case SCALED: return scaled(cell);
            case MASKED: return masked(cell);
            case WEIGHTS: return weights(cell);
            case HEAD_OUTPUT: return headOutput(cell);
            case CONCAT: return concat(cell);
            case OUTPUT: return output(cell);
            default: throw new IllegalStateException("unhandled step " + step);
        }
    }

    /** The cell being explained, with its 1-based numbers for prose. */
    private static final class Cell {
        final Matrix x;
        final AttentionSpec spec;
        final AttentionTrace trace;
        final Step step;
        final int head;
        final int row;
        final int col;
        final double value;

        Cell(Matrix x, AttentionSpec spec, AttentionTrace trace, Step step, int head, int row, int col, double value) {
            this.x = x;
            this.spec = spec;
            this.trace = trace;
            this.step = step;
            this.head = head;
            this.row = row;
            this.col = col;
            this.value = value;
        }

        int i() {
            return row + 1;
        }

        int j() {
            return col + 1;
        }

        /** "scores[head 1][3][2]" with several heads; "scores[3][2]" or "Q[3][2]" otherwise. */
        String name(String matrixName) {
            return matrixName + headPart(head) + "[" + i() + "][" + j() + "]";
        }

        /** "[head 2]" when the spec has several heads and the step is per head; "" otherwise (one head needs no name). */
        String headPart(int h) {
            return h >= 0 && spec.heads() > 1 ? "[head " + (h + 1) + "]" : "";
        }

        /** "; head 2 uses columns 3–4 of Q and K" with several heads; "" with one. */
        String headColumns(int h, int width, String of) {
            return spec.heads() > 1 ? "; head " + (h + 1) + " uses " + columnRange(h * width, width) + " of " + of : "";
        }

        Explanation explanation(Double shownValue, String formula, List<Term> terms, String arithmetic, String note) {
            return new Explanation(step.key(), head >= 0 ? head : null, row, col, shownValue, formula, terms,
                    arithmetic, note);
        }

        Explanation explanation(String formula, List<Term> terms, String arithmetic, String note) {
            return explanation(value, formula, terms, arithmetic, note);
        }
    }

    // Q[i][c] = Σₘ X[i][m] × W[m][c]
    private static Explanation projection(Cell cell, Matrix weights, String name, String weightName) {
        List<Term> terms = new ArrayList<>();
        for (int m = 0; m < cell.x.cols(); m++) {
            terms.add(new Term("X[" + cell.i() + "][" + (m + 1) + "] × " + weightName + "[" + (m + 1) + "][" + cell.j() + "]",
                    cell.x.get(cell.row, m), weights.get(m, cell.col), cell.x.get(cell.row, m) * weights.get(m, cell.col)));
        }
        String formula = cell.name(name) + " = x" + sub(cell.i()) + "·" + weightName + "[:," + cell.j() + "] = Σₘ X["
                + cell.i() + "][m] × " + weightName + "[m][" + cell.j() + "]";
        String note = "row " + cell.i() + " of X (token " + cell.i() + ") times column " + cell.j() + " of "
                + weightName + ": " + products(terms.size()) + ", one per input dimension (d_model = " + cell.x.cols() + ")";
        return cell.explanation(formula, terms, sumOfProducts(terms, cell.value), note);
    }

    // scores_h[i][j] = q_i·k_j over head h's columns of Q and its group g's columns of K (rotated when rope is on)
    private static Explanation scores(Cell cell) {
        int dk = cell.spec.headWidth();
        int group = cell.spec.kvGroup(cell.head);
        HeadTrace head = cell.trace.heads().get(cell.head);
        List<Term> terms = new ArrayList<>();
        for (int c = 0; c < dk; c++) {
            int qc = cell.head * dk + c;
            int kc = group * dk + c;
            double q = head.rotated() ? head.qRotated().get(cell.row, c) : cell.trace.q().get(cell.row, qc);
            double k = head.rotated() ? head.kRotated().get(cell.col, c) : cell.trace.k().get(cell.col, kc);
            String label = head.rotated()
                    ? "q̃" + sub(cell.i()) + "[" + (c + 1) + "] × k̃" + sub(cell.j()) + "[" + (c + 1) + "]"
                    : "Q[" + cell.i() + "][" + (qc + 1) + "] × K[" + cell.j() + "][" + (kc + 1) + "]";
            terms.add(new Term(label, q, k, q * k));
        }
        String formula = cell.name("scores") + (head.rotated()
                ? " = q̃" + sub(cell.i()) + "·k̃" + sub(cell.j()) : " = q" + sub(cell.i()) + "·k" + sub(cell.j()));
        String note = "the query of token " + cell.i() + " against the key of token " + cell.j()
                + cell.headColumns(cell.head, dk, cell.spec.kvHeads() == cell.spec.heads() ? "Q and K" : "Q") + ModernNotes.keyGroup(cell.spec, cell.head)
                + " (d_k = " + dk + ")" + ModernNotes.rotation(cell.spec, cell.row, cell.col);
        return cell.explanation(formula, terms, sumOfProducts(terms, cell.value), note);
    }

    // scaled_h[i][j] = scores_h[i][j] × 1/√d_k
    private static Explanation scaled(Cell cell) {
        int dk = cell.spec.headWidth();
        double score = cell.trace.heads().get(cell.head).scores().get(cell.row, cell.col);
        String scoreName = "s" + sub(cell.i(), cell.j());
        if (!cell.spec.scale()) {
            List<Term> terms = List.of(new Term(scoreName + " × 1", score, 1.0, score * 1.0));
            return cell.explanation(cell.name("scaled") + " = " + cell.name("scores") + " (scaling is off)",
                    terms, number(score) + " × 1 = " + number(cell.value),
                    "scaling is off, so the score passes through unchanged");
        }
        double factor = Attention.scaleFactor(dk);
        List<Term> terms = List.of(new Term(scoreName + " × 1/√" + dk, score, factor, score * factor));
        String arithmetic = factor(score) + " × 1/√" + dk + " = " + factor(score) + " × " + number(factor)
                + " = " + number(cell.value);
        String note = "d_k = " + dk + " is the width of one head's queries, so the score " + number(score)
                + " is multiplied by 1/√" + dk + " = " + number(factor);
        return cell.explanation(cell.name("scaled") + " = " + cell.name("scores") + " × 1/√d_k", terms, arithmetic, note);
    }

    // masked_h[i][j] = scaled_h[i][j] + M[i][j],  M = −∞ where j > i
    private static Explanation masked(Cell cell) {
        double scaled = cell.trace.heads().get(cell.head).scaled().get(cell.row, cell.col);
        if (!cell.spec.causal()) {
            return cell.explanation(cell.name("masked") + " = " + cell.name("scaled"), List.of(),
                    number(cell.value), "no causal mask: every token is visible, so masked = scaled");
        }
        if (cell.spec.hidden(cell.row, cell.col)) {
            return cell.explanation(null, cell.name("masked") + " = " + cell.name("scaled") + " + (" + Notation.MINUS
                    + "∞) = " + Notation.MINUS + "∞", List.of(),
                    factor(scaled) + " + (" + Notation.MINUS + "∞) = " + Notation.MINUS + "∞",
                    ModernNotes.hiddenReason(cell.spec, cell.row, cell.col));
        }
        return cell.explanation(cell.name("masked") + " = " + cell.name("scaled") + " + 0", List.of(),
                number(scaled) + " + 0 = " + number(cell.value), ModernNotes.visibleReason(cell.spec, cell.row, cell.col));
    }

    // weights_h[i][j] = exp(s_ij − max) / Σ_j' exp(s_ij' − max),  s = masked row i
    private static Explanation weights(Cell cell) {
        double[] scores = cell.trace.heads().get(cell.head).masked().row(cell.row);
        double max = Softmax.max(scores);
        double[] exps = Softmax.expTerms(scores);
        double sum = Softmax.sumInOrder(exps);
        List<Term> terms = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] == Double.NEGATIVE_INFINITY) {
                continue; // exp(−∞) = 0: a hidden cell adds nothing
            }
            terms.add(new Term("exp(s" + sub(cell.i(), j + 1) + " − max)", scores[j] - max, 0.0, exps[j]));
            shown.add(number(exps[j]));
        }
        String exponent = "s" + sub(cell.i(), cell.j());
        String formula = cell.name("weights") + " = exp(" + exponent + " − max) / Σⱼ exp(s" + sub(cell.i())
                + "ⱼ − max)";
        String note = "softmax of row " + cell.i() + " of the masked scores; max = " + number(max)
                + " is subtracted first so that exp cannot overflow";
        if (scores[cell.col] == Double.NEGATIVE_INFINITY) {
            String arithmetic = "exp(" + Notation.MINUS + "∞) / (" + String.join(" + ", shown) + ") = 0";
            return cell.explanation(formula, terms, arithmetic,
                    note + "; " + ModernNotes.hiddenReason(cell.spec, cell.row, cell.col)
                            + ", so its weight is exactly 0 (exp(" + Notation.MINUS + "∞) = 0)");
        }
        String arithmetic = "max = " + number(max) + "; " + number(exps[cell.col]) + " / ("
                + shortened(shown) + ") = " + number(exps[cell.col]) + " / " + number(sum) + " = " + number(cell.value);
        if (cell.spec.causal() && terms.size() < scores.length) {
            note += "; the hidden cells (" + (cell.spec.window() > 0 ? "j > i or j ≤ i − w" : "j > i") + ") give exp("
                    + Notation.MINUS + "∞) = 0 and are left out";
        }
        return cell.explanation(formula, terms, arithmetic, note);
    }

    // head_output_h[i][c] = Σ_j weights_h[i][j] × V_h[j][c]
    private static Explanation headOutput(Cell cell) {
        return weightedSum(cell, cell.head, cell.col, cell.name("head_output") + " = ", "");
    }

    // concat[i][c] = head_output_{c ÷ d_v}[i][c mod d_v]: a copy, explained by the sum that made it
    private static Explanation concat(Cell cell) {
        int dv = cell.spec.valueHeadWidth();
        int head = cell.col / dv;
        String copied = cell.spec.heads() > 1 ? "; " + columnRange(head * dv, dv) + " of concat " + (dv == 1 ? "holds" : "hold")
                + " head " + (head + 1) + "'s output, copied unchanged" : "; with one head, concat is that head's output";
        return weightedSum(cell, head, cell.col % dv, cell.name("concat") + " = ", copied);
    }

    /**
     * Σⱼ weights[i][j] × V[j][column of head h]: the weighted sum behind a head's output cell, and behind the
     * concat and output cells that copy it. The formula starts with prefix; the note ends with more.
     */
    private static Explanation weightedSum(Cell cell, int head, int column, String prefix, String more) {
        int dv = cell.spec.valueHeadWidth();
        int group = cell.spec.kvGroup(head);
        int vColumn = group * dv + column;
        Matrix weights = cell.trace.heads().get(head).weights();
        String a = "weights" + cell.headPart(head);
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < weights.cols(); j++) {
            double w = weights.get(cell.row, j);
            double v = cell.trace.v().get(j, vColumn);
            terms.add(new Term(a + "[" + cell.i() + "][" + (j + 1) + "] × V[" + (j + 1) + "][" + (vColumn + 1) + "]", w, v, w * v));
        }
        String formula = prefix + "Σⱼ " + a + "[" + cell.i() + "][j] × V[j][" + (vColumn + 1) + "]";
        String whose = cell.spec.heads() > 1 ? "head " + (head + 1) + "'s weights" : "the weights";
        String note = "row " + cell.i() + " of " + whose + " mixes column " + (vColumn + 1) + " of V over every token"
                + ModernNotes.valueColumns(cell.spec, head, group, dv) + " (d_v = " + dv + ")" + more;
        return cell.explanation(formula, terms, sumOfProducts(terms, cell.value), note);
    }

    // output[i][c] = Σ_m concat[i][m] × Wo[m][c], or concat[i][c] without Wo
    private static Explanation output(Cell cell) {
        Matrix wo = cell.spec.wo();
        if (wo == null) {
            int dv = cell.spec.valueHeadWidth();
            return weightedSum(cell, cell.col / dv, cell.col % dv, cell.name("output") + " = " + cell.name("concat") + " = ",
                    "; there is no output projection W_O, so the output is this sum itself");
        }
        Matrix concat = cell.trace.concat();
        List<Term> terms = new ArrayList<>();
        for (int m = 0; m < concat.cols(); m++) {
            double c = concat.get(cell.row, m);
            double w = wo.get(m, cell.col);
            terms.add(new Term("concat[" + cell.i() + "][" + (m + 1) + "] × Wo[" + (m + 1) + "][" + cell.j() + "]", c, w, c * w));
        }
        String formula = cell.name("output") + " = concat" + sub(cell.i()) + "·Wo[:," + cell.j() + "] = Σₘ concat["
                + cell.i() + "][m] × Wo[m][" + cell.j() + "]";
        String note = "row " + cell.i() + " of the concatenated head outputs times column " + cell.j()
                + " of W_O: " + products(terms.size()) + " that mix the heads";
        return cell.explanation(formula, terms, sumOfProducts(terms, cell.value), note);
    }

    private static void checkIndex(String what, int index, int size, String matrixName, String plural) {
        if (index < 0 || index >= size) {
            String range = size == 1 ? "(0)" : "(0–" + (size - 1) + ")";
            throw new IllegalArgumentException(what + " " + index + " is out of range: " + matrixName + " has "
                    + size + " " + (size == 1 ? plural.substring(0, plural.length() - 1) : plural) + " " + range);
        }
    }

    private static void requireArguments(Matrix x, AttentionSpec spec, AttentionTrace trace, Step step) {
        if (x == null || spec == null || trace == null || step == null) {
            throw new IllegalArgumentException("explain needs x, the spec, the trace and a step");
        }
        if (x.cols() != spec.dModel() || x.rows() != trace.q().rows() || trace.heads().size() != spec.heads()
                || trace.q().cols() != spec.wq().cols() || trace.v().cols() != spec.wv().cols()) {
            throw new IllegalArgumentException("x (" + x.shape() + "), the spec (wq " + spec.wq().shape() + ", "
                    + spec.heads() + " heads) and the trace (Q " + trace.q().shape() + ", " + trace.heads().size()
                    + " heads) do not belong together: explain a trace with the x and spec that produced it");
        }
    }
}
