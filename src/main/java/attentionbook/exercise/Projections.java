package attentionbook.exercise;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;
import attentionbook.attention.Step;

import java.util.List;

/**
 * Small integer inputs for the projection exercises: X (T×w) and square Wq, Wk, Wv (w×w), all
 * different and none symmetric, so that using the wrong matrix or its transpose shows.
 */
final class Projections {
    static final List<String> WHICH = List.of("q", "k", "v");

    final Matrix x;
    final Matrix[] w = new Matrix[3];
    final int which;
    final Traced traced;

    Projections(Draw draw, int tokens, int width, String which) {
        this.x = draw.intsNoZeroRow(tokens, width, -2, 3);
        for (int p = 0; p < 3; p++) {
            Matrix candidate;
            do {
                candidate = draw.intsNoZeroRow(width, width, -1, 2);
            } while (Grids.symmetric(candidate) || p > 0 && candidate.equals(w[0]) || p > 1 && candidate.equals(w[1]));
            w[p] = candidate;
        }
        this.which = which.equals("any") ? draw.between(0, 2) : WHICH.indexOf(which);
        this.traced = Traced.of(x, new AttentionSpec(w[0], w[1], w[2], null, 1, false, true));
    }

    static Option whichOption() {
        return Option.words("which", "the projection to compute: q, k, v, or any for a random one", "any", "q", "k", "v", "any");
    }

    /** "q", "k" or "v" */
    String letter() {
        return WHICH.get(which);
    }

    /** "Wk" */
    String weightName(int p) {
        return "W" + WHICH.get(p);
    }

    /** "query", "key" or "value" */
    String role(int p) {
        return List.of("query", "key", "value").get(p);
    }

    Step step() {
        return List.of(Step.Q, Step.K, Step.V).get(which);
    }

    Matrix result() {
        return traced.matrix(step(), 0);
    }

    List<Table> given() {
        return List.of(Grids.byToken("X", x, 0), Grids.numbered("Wq", w[0], 0), Grids.numbered("Wk", w[1], 0),
                Grids.numbered("Wv", w[2], 0));
    }

    /** The other two projections: 0-based indexes different from {@link #which}. */
    List<Integer> others() {
        return java.util.stream.IntStream.range(0, 3).filter(p -> p != which).boxed().toList();
    }

    String wrongProjectionText(int used) {
        return "You used " + weightName(used) + ", the " + role(used) + " projection. The " + role(which)
                + " comes from " + weightName(which) + ".";
    }

    String rowsOfWText() {
        return "You multiplied by the rows of " + weightName(which) + ". With tokens as rows, entry c is the token's"
                + " row times column c of " + weightName(which) + ".";
    }
}
