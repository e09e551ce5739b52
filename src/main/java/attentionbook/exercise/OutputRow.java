package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of a layer for one token: the heads' outputs side by side, times W_O, plus the token's own
 * input row (the residual). Two heads of width 2, so d_model = 4 and the concatenated row fits W_O.
 */
final class OutputRow extends AbstractExerciseKind {
    private static final int HEADS = 2;
    private static final int WIDTH = 2;
    private static final int D_MODEL = HEADS * WIDTH;

    OutputRow() {
        super("output-row", "One output row through W_O and the residual", "The full picture");
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("forgot-residual", "residual-before-wo", "wo-transposed", "heads-swapped");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int token = draw.between(1, 4);
        Matrix heads = draw.intsNoZeroRow(HEADS, WIDTH, -2, 2);
        Matrix wo = draw.ints(D_MODEL, D_MODEL, -1, 2);
        Matrix x = draw.intsNoZeroRow(1, D_MODEL, -3, 3);
        Matrix concat = concat(heads.row(0), heads.row(1));
        Matrix projected = concat.times(wo);
        Matrix answer = plus(projected, x);
        String t = Numbers.sub(token);

        List<String> prompt = List.of(
                "A layer with $h = 2$ heads of width $d_v = 2$ and $d_\\text{model} = 4$ has worked out token " + token
                        + "'s output in each head. The table gives both heads' rows, then $W_O$ and the token's input row x" + t + ".",
                "Finish the layer for this token: give its row of the layer's output, $\\text{concat}(\\text{head}_1, \\text{head}_2)"
                        + " \\cdot W_O + x_" + token + "$.");
        List<Table> given = List.of(
                new Table("the heads' outputs", heads, List.of("head 1", "head 2"), Grids.numbers(WIDTH), 0),
                Grids.numbered("W_O", wo, 0),
                Grids.vector("x" + t, "x" + t, x.row(0), 0));
        AnswerForm form = new AnswerForm("y" + t + ", the output row", 1, D_MODEL, List.of("y" + t), Grids.numbers(D_MODEL),
                Rounding.exact(0), false);

        List<WorkStep> hints = List.of(
                WorkStep.of("Put the heads side by side, head 1 first: a row of 4 numbers, as wide as $d_\\text{model}$."),
                WorkStep.of("Multiply that row by $W_O$ (column c of the result is the row times column c of $W_O$), then add x"
                        + t + " cell by cell: the residual is added after the projection."));
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < D_MODEL; c++) {
            lines.add("column " + (c + 1) + ": " + Arithmetic.sumOfProducts(concat.row(0), wo.column(c), projected.get(0, c))
                    + ", plus " + Numbers.factor(x.get(0, c)) + " = " + Numbers.text(answer.get(0, c)));
        }
        List<WorkStep> solution = List.of(
                WorkStep.of("The heads side by side:").with(Grids.vector("concat", t, concat.row(0), 0)),
                WorkStep.of("Times $W_O$, then plus x" + t + ":", lines.toArray(String[]::new))
                        .with(Grids.vector("y" + t, "y" + t, answer.row(0), 0)));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("forgot-residual", "You stopped at concat·$W_O$. The layer's output is an update added to"
                + " the residual stream: add the token's input row x" + t + ".", projected));
        mistakes.add(new Mistake("residual-before-wo", "You added x" + t + " before multiplying by $W_O$. The residual skips"
                + " the layer: project the heads first, then add x" + t + " unchanged.", plus(concat, x).times(wo)));
        mistakes.add(new Mistake("wo-transposed", "You used the rows of $W_O$ where its columns belong. Column c of the"
                + " output is the concatenated row times column c of $W_O$.", plus(concat.times(wo.transpose()), x)));
        mistakes.add(new Mistake("heads-swapped", "You put head 2 before head 1. The heads are concatenated in order, so"
                + " head 1 meets the first two rows of $W_O$.", plus(concat(heads.row(1), heads.row(0)).times(wo), x)));
        return exercise(seed, prompt, given, form, answer, hints, solution, mistakes);
    }

    private static Matrix concat(double[] first, double[] second) {
        return Matrix.concatColumns(List.of(Grids.row(first), Grids.row(second)));
    }

    private static Matrix plus(Matrix a, Matrix b) {
        double[] out = a.row(0);
        for (int c = 0; c < out.length; c++) {
            out[c] += b.get(0, c);
        }
        return Grids.row(out);
    }
}
