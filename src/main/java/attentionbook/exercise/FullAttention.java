package attentionbook.exercise;

import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The full picture: a whole attention layer by hand, from X through Q, K, V, the scores, the scaled
 * and masked scores and the weights to the output. Marked step by step with error carried forward
 * ({@link LayerMarker}); as an ordinary exercise its answer is the output. X is one column wider than
 * a head (d_model = d_k + 1), so dividing by √d_model instead of √d_k gives different numbers.
 */
public final class FullAttention extends AbstractExerciseKind {
    public static final String NAME = "full-attention";
    private static final int ATTEMPTS = 400;

    public FullAttention() {
        super(NAME, "A whole layer by hand", "The full picture",
                Option.number("tokens", "how many tokens", 3, 2, 3),
                Option.number("width", "the width d_k of each head's queries, keys and values", 2, 2, 3),
                Option.words("causal", "whether each token is hidden from the later ones", "yes", "yes", "no"),
                Option.number("heads", "how many heads", 1, 1, 2));
    }

    /** Every mistake is named step by step ({@link LayerMarker}); the final answer alone names none. */
    @Override
    List<String> required(Settings settings) {
        return List.of();
    }

    /** The layer's numbers for this seed: the same seed and settings always give the same problem. */
    public LayerProblem problem(long seed, Settings settings) {
        return draw(new Draw(NAME, seed), settings);
    }

    private static LayerProblem draw(Draw draw, Settings settings) {
        int t = settings.number("tokens");
        int dk = settings.number("width");
        int heads = settings.number("heads");
        boolean causal = settings.word("causal").equals("yes");
        LayerProblem last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Matrix x = draw.intsNoZeroRow(t, dk + 1, -1, 2);
            LayerProblem p = new LayerProblem(x, weights(draw, dk + 1, heads * dk), weights(draw, dk + 1, heads * dk),
                    weights(draw, dk + 1, heads * dk), heads, causal);
            last = p;
            if (fits(p)) {
                return p;
            }
        }
        return last;
    }

    private static Matrix weights(Draw draw, int rows, int cols) {
        while (true) {
            Matrix w = draw.ints(rows, cols, -1, 1);
            if (!Grids.hasZeroRow(w.transpose())) {
                return w;
            }
        }
    }

    /**
     * A problem fit to work by hand whose usual mistakes all show: small scores, and every mistake a
     * learner is promised to hear about gives numbers apart from the right ones.
     */
    static boolean fits(LayerProblem p) {
        Map<LayerStep, List<Matrix>> book = p.book();
        for (Matrix s : book.get(LayerStep.SCORES)) {
            if (Grids.maxAbs(s) > 6 || Grids.symmetric(s)) {
                return false;
            }
        }
        for (LayerStep step : p.steps()) {
            for (LayerMistakes.Slip slip : LayerMistakes.of(p, step, book)) {
                if (!slip.key().startsWith("rounded-") && !apart(step.rounding(), slip.result(), book.get(step))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when some head's grids are apart ({@link Exercise#apart}). */
    static boolean apart(Rounding rounding, List<Matrix> a, List<Matrix> b) {
        for (int h = 0; h < a.size(); h++) {
            if (Exercise.apart(rounding, a.get(h), b.get(h))) {
                return true;
            }
        }
        return false;
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        LayerProblem p = draw(draw, settings);
        Map<LayerStep, List<Matrix>> book = p.book();
        Matrix output = book.get(LayerStep.OUTPUT).get(0);
        int t = p.tokens();
        String heads = p.heads() == 1 ? "one head" : p.heads() + " heads (head n uses its own " + p.headWidth()
                + " columns of Q, K and V)";
        List<String> prompt = List.of(
                "X holds " + t + " tokens, one a row, each " + p.dModel() + " numbers wide. Run the whole attention layer"
                        + " by hand with " + heads + (p.causal() ? ", under the causal mask" : ", with no mask") + ".",
                "Work every step in turn: Q, K and V; the scores; the scaled scores" + (p.causal() ? "; the masked scores" : "")
                        + "; the weights; the output. Q, K, V and the scores are whole numbers; give the rest to 2 decimals."
                        + " Each step is marked on your own earlier answers, so a slip early on costs only that step.");
        AnswerForm form = new AnswerForm("the output", t, output.cols(), Grids.tokens(t), Grids.numbers(output.cols()),
                LayerStep.OUTPUT.rounding(), false);
        List<WorkStep> hints = new ArrayList<>();
        List<WorkStep> solution = new ArrayList<>();
        for (LayerStep step : p.steps()) {
            hints.add(WorkStep.of(step.title().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + step.title().substring(1)
                    + ": " + LayerWork.method(p, step)));
            solution.addAll(LayerWork.of(p, step, book, List.of()));
        }
        return exercise(seed, prompt, given(p), form, output, hints, solution, carried(p, book));
    }

    /**
     * What each step's usual mistake makes of the output when every later step is then done right: so
     * the final answer alone still tells which slip upstream produced it.
     */
    private static List<Mistake> carried(LayerProblem p, Map<LayerStep, List<Matrix>> book) {
        List<Mistake> mistakes = new ArrayList<>();
        List<LayerStep> steps = p.steps();
        for (int i = steps.size() - 1; i >= 0; i--) {   // the output's own mistakes first: they are the likeliest
            for (LayerMistakes.Slip slip : LayerMistakes.of(p, steps.get(i), book)) {
                Map<LayerStep, List<Matrix>> basis = new EnumMap<>(book);
                basis.put(steps.get(i), slip.result());
                for (LayerStep later : steps.subList(i + 1, steps.size())) {
                    basis.put(later, p.compute(later, basis));
                }
                mistakes.add(new Mistake(slip.key(), slip.text(), basis.get(LayerStep.OUTPUT).get(0)));
            }
        }
        return mistakes;
    }

    /** X and the three projections, as the prompt shows them. */
    static List<Table> given(LayerProblem p) {
        return List.of(Grids.byToken("X", p.x(), 0), Grids.numbered("W_Q", p.wq(), 0), Grids.numbered("W_K", p.wk(), 0),
                Grids.numbered("W_V", p.wv(), 0));
    }

    /**
     * The worked solution of one step, starting from the learner's own grids for its inputs where they
     * gave them (the book's otherwise).
     */
    public List<WorkStep> workFrom(LayerProblem p, LayerStep step, Map<LayerStep, List<Matrix>> answers) {
        Map<LayerStep, List<Matrix>> basis = new EnumMap<>(p.book());
        List<LayerStep> yours = new ArrayList<>();
        for (LayerStep input : step.inputs(p.causal())) {
            if (answers.containsKey(input)) {
                basis.put(input, answers.get(input));
                yours.add(input);
            }
        }
        return LayerWork.of(p, step, basis, yours).stream()
                .map(w -> new WorkStep(Tex.mark(w.text()), w.lines(), w.table())).toList();
    }
}
