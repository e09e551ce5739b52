package attentionbook.exercise;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Costs;
import attentionbook.attention.Matrix;

import java.util.List;

/** Multi-head attention: the shapes after splitting d_model into h heads. */
final class HeadShapes extends AbstractExerciseKind {
    private static final List<String> ROWS = List.of("Wq", "Q_h, one head's queries", "S_h, one head's scores",
            "concat of the head outputs");
    private static final List<String> COLUMNS = List.of("rows", "columns");
    private static final int[][] REAL = {{512, 8}, {768, 12}, {1024, 16}};

    HeadShapes() {
        super("head-shapes", "Shapes after the split into heads", "Multi-head attention",
                Option.words("size", "small: d_model up to 64; real: the sizes of GPT-2 and BERT", "small", "small", "real"));
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("more-heads-more-weights", "scores-head-width", "head-width-is-h", "no-split");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int dModel;
        int heads;
        int t;
        int dk;
        do {    // sizes that differ, so that a learner who swaps two of them gives a recognisable answer
            if (settings.word("size").equals("real")) {
                int[] size = draw.pick(List.of(REAL));
                dModel = size[0];
                heads = size[1];
                t = draw.between(4, 8);
            } else {
                int width = draw.pick(List.of(12, 16, 24, 32, 48, 64));
                dModel = width;
                heads = draw.pick(java.util.stream.IntStream.of(2, 3, 4, 6, 8)
                        .filter(h -> width % h == 0 && width / h >= 2).boxed().toList());
                t = draw.between(3, 10);
            }
            dk = (int) Costs.headWidth(dModel, heads);
        } while (t == dk || t == heads || heads == dk || heads * heads == dModel);

        // Run the core on zeros of these sizes: every shape below is one it really produced.
        Matrix w = Matrix.zeros(dModel, dModel);
        AttentionSpec spec = new AttentionSpec(w, w, w, w, heads, false, true);
        AttentionTrace trace = Attention.run(Matrix.zeros(t, dModel), spec);
        Matrix qh = trace.q().columns(0, dk);
        Matrix scores = trace.heads().get(0).scores();
        Matrix concat = trace.concat();
        Matrix answer = shapes(spec.wq(), qh.rows(), qh.cols(), scores.rows(), scores.cols(), concat.rows(), concat.cols());

        List<String> prompt = List.of(
                "An attention layer has d_model = " + dModel + " and h = " + heads + " heads, with Wq, Wk, Wv and Wo,"
                        + " and reads one sequence of T = " + t + " tokens.",
                "Give the shape (rows × columns) of Wq, of one head's queries Q_h, of one head's score grid S_h,"
                        + " and of the head outputs put side by side (the concat).");
        AnswerForm form = new AnswerForm("the four shapes", 4, 2, ROWS, COLUMNS, Rounding.exact(0), false);

        String dkLine = "d_k = d_model / h = " + dModel + " / " + heads + " = " + dk + ".";
        String wLine = "Wq maps d_model to d_model: " + spec.wq().shape() + ", however many heads there are; the heads"
                + " split its columns.";
        String qLine = "Q = X·Wq is " + trace.q().shape() + "; head 1 takes columns 1–" + dk + ", so Q_h is " + qh.shape() + ".";
        String sLine = "S_h = Q_h·K_hᵀ = [" + qh.shape() + "]·[" + qh.transpose().shape() + "] = [" + scores.shape() + "].";
        String cLine = "Each head outputs " + trace.heads().get(0).output().shape() + "; " + heads + " of them side by side make "
                + concat.shape() + ".";
        List<WorkStep> hints = List.of(
                WorkStep.of("One head's width is d_k = d_model / h: the heads share Q's columns equally."),
                WorkStep.of("Wq maps each token's d_model numbers to d_model numbers, however many heads there are;"
                        + " the heads only split its columns."),
                WorkStep.of("Q_h is head 1's block of Q's columns; S_h compares each of the T tokens with each."));
        List<WorkStep> solution = List.of(WorkStep.of("From the head width to the concat:", dkLine, wLine, qLine, sLine, cLine));

        List<Mistake> mistakes = List.of(
                new Mistake("more-heads-more-weights", "You gave every head its own full-width projection, as if more"
                        + " heads meant more parameters. The heads split Wq's " + dModel + " columns: Wq stays "
                        + dModel + "×" + dModel + " and each head takes d_k = " + dk + " of them.",
                        shapes(dModel, dModel * heads, t, dModel, t, t, t, dModel * heads)),
                new Mistake("head-width-is-h", "You used the number of heads as the head width. d_k = d_model / h = "
                        + dk + ".", shapes(dModel, dModel, t, heads, t, t, t, heads * heads)),
                new Mistake("scores-head-width", "You gave one head's scores the shape of its queries. S_h = Q_h·K_hᵀ"
                        + " compares every token with every token: T × T.", shapes(dModel, dModel, t, dk, t, dk, t, dModel)),
                new Mistake("concat-one-head", "You gave the concat one head's width. It puts all " + heads + " head"
                        + " outputs side by side: h·d_v = " + dModel + " columns.", shapes(dModel, dModel, t, dk, t, t, t, dk)),
                new Mistake("no-split", "You gave Q_h all of Q's " + dModel + " columns, as if there were no split. Head 1"
                        + " keeps only its own block of d_k = d_model / h = " + dk + " columns.",
                        shapes(dModel, dModel, t, dModel, t, t, t, dModel)));
        return exercise(seed, prompt, List.of(), form, answer, hints, solution, mistakes);
    }

    private static Matrix shapes(Matrix wq, int qRows, int qCols, int sRows, int sCols, int cRows, int cCols) {
        return shapes(wq.rows(), wq.cols(), qRows, qCols, sRows, sCols, cRows, cCols);
    }

    private static Matrix shapes(int wRows, int wCols, int qRows, int qCols, int sRows, int sCols, int cRows, int cCols) {
        return Matrix.of(new double[][]{{wRows, wCols}, {qRows, qCols}, {sRows, sCols}, {cRows, cCols}});
    }
}
