package attentionbook.exercise;

import attentionbook.attention.Matrix;
import attentionbook.attention.Rope;

import java.util.ArrayList;
import java.util.List;

/** RoPE by hand: a token's 2-d query, key and value at position p, as they enter the scores and the weighted sum. */
final class RopeRotation extends AbstractExerciseKind {
    private static final int DIGITS = 2;

    RopeRotation() {
        super("rope-rotation", "Rotating a query and a key by their position", "Attention in today's models");
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("rotated-v", "wrong-sign", "no-rotation");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int position = draw.between(1, 3);
        Matrix qkv = draw.intsNoZeroRow(3, 2, -3, 3);
        double angle = Rope.angle(position, 0, 2);
        String cos = Numbers.fixed(Math.cos(angle), 4, false);
        String sin = Numbers.fixed(Math.sin(angle), 4, false);
        Matrix answer = stack(Rope.rotateRow(qkv.row(0), position), Rope.rotateRow(qkv.row(1), position), qkv.row(2));

        List<String> prompt = List.of(
                "A head of width $d_k = 2$ uses rotary position embedding (RoPE). The token at position $p = " + position
                        + "$ (counting from 0) has the query, key and value below.",
                "With $d_k = 2$ there is one pair, $m = 0$, turned by $p \\theta_0 = " + position + " \\cdot 10000^0 = " + position
                        + "$ radians: use $\\cos " + position + " = " + cos + "$ and $\\sin " + position + " = " + sin + "$.",
                "Write the three rows as they enter attention (the query and key for the scores, the value for the weighted sum),"
                        + " to " + DIGITS + " decimals.");
        AnswerForm form = new AnswerForm("q, k and v as attention uses them", 3, 2, List.of("q", "k", "v"), Grids.numbers(2),
                Rounding.places(DIGITS, 0.006), false);
        Table given = new Table("the token's q, k and v", qkv, List.of("q", "k", "v"), Grids.numbers(2), 0);

        List<WorkStep> hints = List.of(
                WorkStep.of("RoPE turns the pair $(x_0, x_1)$ by the angle $\\varphi$: $(x_0 \\cos\\varphi - x_1 \\sin\\varphi,\\ x_0"
                        + " \\sin\\varphi + x_1 \\cos\\varphi)$, a rotation counter-clockwise by $+\\varphi$."),
                WorkStep.of("Which of $q$, $k$ and $v$ take part in the match $q \\cdot k$, and which only carries content?"));
        List<WorkStep> solution = new ArrayList<>();
        String[] names = {"q", "k"};
        for (int r = 0; r < 2; r++) {
            double a = qkv.get(r, 0);
            double b = qkv.get(r, 1);
            solution.add(WorkStep.of("Turn " + names[r] + " by " + position + " radians:",
                    "first: " + Numbers.factor(a) + " × " + cos + " − " + Numbers.factor(b) + " × " + sin + " = "
                            + Numbers.fixed(answer.get(r, 0), DIGITS, false),
                    "second: " + Numbers.factor(a) + " × " + sin + " + " + Numbers.factor(b) + " × " + cos + " = "
                            + Numbers.fixed(answer.get(r, 1), DIGITS, false)));
        }
        solution.add(WorkStep.of("The value is not rotated: it carries content, not position, so it enters the weighted sum as it is.")
                .with(new Table("as attention uses them", answer, List.of("q̃", "k̃", "v"), Grids.numbers(2), DIGITS)));

        List<Mistake> mistakes = List.of(
                new Mistake("rotated-v", "You rotated the value too. RoPE turns only the query and the key, whose dot product"
                        + " is the score; the value is mixed as it is.",
                        stack(answer.row(0), answer.row(1), Rope.rotateRow(qkv.row(2), position))),
                new Mistake("wrong-sign", "You turned by $-p\\theta$ (the sines' signs swapped). RoPE turns position $p$ by"
                        + " $+p\\theta$: the first coordinate loses $x_1 \\sin$, the second gains $x_0 \\sin$.",
                        stack(Rope.rotateRow(qkv.row(0), -position), Rope.rotateRow(qkv.row(1), -position), qkv.row(2))),
                new Mistake("no-rotation", "You left the query and key as they were. With RoPE both are turned by their"
                        + " position before the scores.", qkv),
                new Mistake("rotated-everything-wrong-way", "You rotated all three rows, and by $-p\\theta$. Only $q$ and $k$"
                        + " turn, and by $+p\\theta$.", stack(Rope.rotateRow(qkv.row(0), -position),
                        Rope.rotateRow(qkv.row(1), -position), Rope.rotateRow(qkv.row(2), -position))));
        return exercise(seed, prompt, List.of(given), form, answer, hints, solution, mistakes);
    }

    private static Matrix stack(double[]... rows) {
        return Matrix.of(rows);
    }
}
