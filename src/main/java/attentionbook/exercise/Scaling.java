package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.Costs;
import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * A model size for the scaling exercises, chosen so that √d_k and √d_model are whole numbers and
 * every usual mistake (√d_model, √h, d_k, no scaling, multiplying) gives a different factor.
 */
final class Scaling {
    /** {d_model, heads}: small ones have d_k = 4 (factor 1/2), medium ones add d_k = 9 (1/3, rounded). */
    private static final int[][] SMALL = {{100, 25}, {36, 9}};
    private static final int[][] MEDIUM = {{100, 25}, {36, 9}, {36, 4}, {144, 16}};

    /** The mistakes both scaling kinds always tell apart. */
    static final List<String> REQUIRED = List.of("unscaled", "sqrt-d-model", "divided-by-dk", "sqrt-heads");

    final int dModel;
    final int heads;
    final int dk;

    Scaling(Draw draw, String difficulty) {
        int[] size = draw.pick(List.of(difficulty.equals("small") ? SMALL : MEDIUM));
        this.dModel = size[0];
        this.heads = size[1];
        this.dk = (int) Costs.headWidth(dModel, heads);
    }

    static Option difficulty() {
        return Option.words("difficulty", "small: d_k = 4, so √d_k = 2; medium: also d_k = 9, so √d_k = 3",
                "small", "small", "medium");
    }

    int rootDk() {
        return (int) Math.round(Math.sqrt(dk));
    }

    int rootDModel() {
        return (int) Math.round(Math.sqrt(dModel));
    }

    /** "Round to 2 decimal places." when 1/√d_k = 1/3; exact values with 2 decimals when it is 1/2. */
    Rounding rounding() {
        return rootDk() == 2 ? Rounding.exact(2) : Rounding.places(2);
    }

    String sizeSentence() {
        return "The model has d_model = " + dModel + " and h = " + heads + " heads.";
    }

    WorkStep headWidthHint() {
        return WorkStep.of("One head's width is d_k = d_model / h = " + dModel + " / " + heads + " = " + dk
                + ", so the scale is 1/√d_k = 1/√" + dk + " = 1/" + rootDk() + ".");
    }

    /** The usual mistakes, each the raw scores scaled the wrong way (computed with the core's factor). */
    List<Mistake> mistakes(Matrix raw) {
        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("unscaled", "You left the scores unscaled. Attention divides q·k by √d_k (here √"
                + dk + " = " + rootDk() + ") so that scores do not grow with the head width.", raw));
        mistakes.add(new Mistake("sqrt-d-model", "You divided by √d_model = √" + dModel + " = " + rootDModel()
                + ". The scale uses one head's width, d_k = d_model / h = " + dk + ", so divide by √" + dk + " = "
                + rootDk() + ".", raw.scale(Attention.scaleFactor(dModel))));
        mistakes.add(new Mistake("divided-by-dk", "You divided by d_k = " + dk + " itself. The scale is its square"
                + " root: divide by √" + dk + " = " + rootDk() + ".", raw.scale(1.0 / dk)));
        mistakes.add(new Mistake("sqrt-heads", "You divided by √h = √" + heads + " = " + (int) Math.round(Math.sqrt(heads))
                + ", the square root of the number of heads. The scale depends on one head's width: divide by √d_k = √"
                + dk + " = " + rootDk() + ".", raw.scale(1.0 / Math.sqrt(heads))));
        mistakes.add(new Mistake("multiplied", "You multiplied by √d_k instead of dividing by it.",
                raw.scale(Math.sqrt(dk))));
        double factor = Attention.scaleFactor(dk);
        double early = Math.round(factor * 100) / 100.0;
        if (early != factor) {
            mistakes.add(new Mistake("rounded-too-early", "You rounded 1/√d_k to " + Numbers.text(early) + " before"
                    + " multiplying. Divide by " + rootDk() + " (or keep every digit) and round only the final answer.",
                    raw.scale(early)));
        }
        return mistakes;
    }
}
