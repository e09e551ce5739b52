package attentionbook.book;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;

import java.util.List;

/**
 * The starting numbers of an attention widget as the book's tables, for a reader without JavaScript:
 * the same matrices, keys and colour scales as static/js/widgets/NAME.js draws. Matrices of one kind of
 * quantity share one signed scale (the inputs; the vectors Q, K, V and what is mixed from V; the
 * scores), so one number has one colour; weights have their own scale from 0 to 1. Each widget picks
 * its tables from here.
 */
record AttentionTables(AttentionInputs in, AttentionTrace trace) {

    /** The first head's trace: the only one, except in the multi-head widget. */
    HeadTrace head() {
        return trace.heads().get(0);
    }

    /** The span of the inputs' one scale: X and every projection. */
    double inputsSpan() {
        return span(in.x(), in.spec().wq(), in.spec().wk(), in.spec().wv(), in.spec().wo());
    }

    /** The span of the scores' one scale: raw, scaled and masked. */
    double scoresSpan() {
        return span(head().scores(), head().scaled(), head().masked());
    }

    /** Tables side by side, as one row of the figure (book/matrix-row.jte). */
    static String row(MatrixTable.View... tables) {
        return Templates.render("book/matrix-row.jte", List.of(tables));
    }

    /** The largest finite magnitude in these matrices (null ones left out): the span of their one scale. */
    static double span(Matrix... matrices) {
        double max = 0;
        for (Matrix m : matrices) {
            if (m != null) {
                max = Math.max(max, MatrixTable.largestMagnitude(m.toArray()));
            }
        }
        return max;
    }

    String scaledName() {
        return in.spec().scale() ? "scaled Q·Kᵀ / √d_k" : "unscaled Q·Kᵀ";
    }

    String maskedName() {
        return in.spec().causal() ? "masked scores" : "scores (no mask)";
    }

    MatrixTable.View table(String name, String key, Matrix m, List<String> rows, List<String> cols, MatrixTable.Scale scale, double range) {
        return MatrixTable.view(new MatrixTable.Spec(name, key, m.toArray(), rows, cols, scale, AttentionWidgetState.DIGITS, range));
    }

    MatrixTable.View x(double range) {
        return signed("X", "x", in.x(), range);
    }

    /** A matrix with a row a token, on a signed scale. */
    MatrixTable.View signed(String name, String key, Matrix m, double range) {
        return table(name, key, m, in.tokens(), ExampleDirective.dims(m.cols()), MatrixTable.Scale.SIGNED, range);
    }

    /** A weight matrix (Wq, Wo …): rows and columns are dimensions. */
    MatrixTable.View weights(String name, String key, Matrix m, double range) {
        return table(name, key, m, ExampleDirective.dims(m.rows()), ExampleDirective.dims(m.cols()), MatrixTable.Scale.SIGNED, range);
    }

    /** A token-by-token grid of scores, on a signed scale. */
    MatrixTable.View grid(String name, String key, Matrix m, double range) {
        return table(name, key, m, in.tokens(), in.tokens(), MatrixTable.Scale.SIGNED, range);
    }

    /** A token-by-token grid of attention weights, on the 0-to-1 scale. */
    MatrixTable.View weightsGrid(String name, String key, Matrix m) {
        return table(name, key, m, in.tokens(), in.tokens(), MatrixTable.Scale.WEIGHTS, 0);
    }
}
