package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.OnlineSoftmax;

import java.util.ArrayList;
import java.util.List;

/**
 * The online softmax: one tile folded into the running state. Given m, ℓ and o after the first tile
 * of a row and the scores of the second, the learner finds the new maximum m′, the rescale factor
 * e^(m − m′) and the new sum ℓ′. The state comes from the core's {@link OnlineSoftmax#trace}.
 */
final class OnlineSoftmaxTile extends AbstractExerciseKind {

    OnlineSoftmaxTile() {
        super("online-softmax-tile", "One tile of the online softmax", "The cost of attention");
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("forgot-rescale", "rescale-upside-down");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        double[] scores = new double[4];
        do {    // the second tile must raise the maximum, or there is nothing to rescale
            for (int j = 0; j < 4; j++) {
                scores[j] = draw.between(-2, 4);
            }
        } while (Math.max(scores[2], scores[3]) <= Math.max(scores[0], scores[1]));
        Matrix values = draw.ints(4, 1, -2, 3);
        OnlineSoftmax.Trace trace = OnlineSoftmax.trace(scores, values, 2);
        OnlineSoftmax.TileStep first = trace.steps().get(0);
        OnlineSoftmax.TileStep second = trace.steps().get(1);
        double m = first.max();
        double l = first.sum();
        double mNew = second.max();
        double fresh = Math.exp(scores[2] - mNew) + Math.exp(scores[3] - mNew);   // the new tile's own terms

        List<String> prompt = List.of(
                "A row of four scores is read in tiles of two. After the first tile, scores " + Numbers.text(scores[0]) + " and "
                        + Numbers.text(scores[1]) + ", the running state is m = " + Numbers.text(m) + " and ℓ = " + Numbers.text(l) + ".",
                "The second tile brings the scores " + Numbers.text(scores[2]) + " and " + Numbers.text(scores[3])
                        + ". Give the new maximum m′, the factor e^(m − m′) that rescales what was accumulated, and the new sum ℓ′.");
        List<String> labels = List.of("m′", "e^(m − m′)", "ℓ′");
        AnswerForm form = new AnswerForm("m′, the rescale factor and ℓ′", 1, 3, List.of("tile 2"), labels, Rounding.places(3), false);
        Matrix answer = Matrix.of(new double[][]{{mNew, second.rescale(), second.sum()}});

        List<WorkStep> hints = List.of(
                WorkStep.of("m′ is the larger of m and the tile's largest score."),
                WorkStep.of("Everything in ℓ was measured against the old maximum: multiply it by e^(m − m′) before adding the new"
                        + " terms e^(s − m′)."));
        List<WorkStep> solution = List.of(WorkStep.of(
                "m′ = max(" + Numbers.text(m) + ", " + Numbers.text(scores[2]) + ", " + Numbers.text(scores[3]) + ") = " + Numbers.text(mNew) + ".",
                "e^(m − m′) = e^(" + Numbers.text(m) + " − " + Numbers.text(mNew) + ") = " + Numbers.text(second.rescale()) + ".",
                "ℓ′ = " + Numbers.text(l) + " × " + Numbers.text(second.rescale()) + " + e^(" + Numbers.text(scores[2]) + " − "
                        + Numbers.text(mNew) + ") + e^(" + Numbers.text(scores[3]) + " − " + Numbers.text(mNew) + ") = "
                        + Numbers.text(second.sum()) + "."));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("forgot-rescale", "You added the new terms to ℓ as it was. ℓ was summed against the old maximum m,"
                + " so it must first be multiplied by e^(m − m′); without the rescale the old and new terms are on different scales.",
                Matrix.of(new double[][]{{mNew, second.rescale(), l + fresh}})));
        double upsideDown = Math.exp(mNew - m);
        mistakes.add(new Mistake("rescale-upside-down", "You used e^(m′ − m). The maximum grew, so the old terms must shrink:"
                + " the factor is e^(m − m′), at most 1.", Matrix.of(new double[][]{{mNew, upsideDown, l * upsideDown + fresh}})));
        mistakes.add(new Mistake("kept-old-max", "You kept the old maximum. m′ must include the new tile's scores, and every term is"
                + " then measured against m′.", Matrix.of(new double[][]{{m, 1.0, l + Math.exp(scores[2] - m) + Math.exp(scores[3] - m)}})));
        return exercise(seed, prompt, List.of(), form, answer, hints, solution, mistakes);
    }
}
