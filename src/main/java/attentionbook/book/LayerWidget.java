package attentionbook.book;

import attentionbook.attention.AttentionLayer;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Explanation;
import attentionbook.attention.LayerExplainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget layer}: the whole attention sublayer, X → norm → Q, K, V → heads → scores → scale
 * → mask → softmax → A·V → concat → W_O → + X, following one token's row through every step.
 * State (normalised: all present):
 * <pre>{"preset": "journey" or null, "tokens": [...], "x": T×d_model, "wq", "wk", "wv": d_model×width,
 *  "wo": (h·d_v)×d_model or null, "heads": h, "causal": true, "scale": true, "norm": false, "token": 1 … T}</pre>
 * The output must be d_model wide, since the layer adds it to X. "kv_heads" (W_K and W_V g·d_k and g·d_v
 * wide), "window" (needs causal) and "rope" (d_k even; adds a step of rotated q and k rows) are optional
 * and kept in the state only when the author gives them, as the core computes them.
 * {@link #explain} explains the cells that are not attention's own (norm, residual, rotated q and k).
 */
public final class LayerWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("preset", "tokens", "x", "wq", "wk", "wv", "wo", "heads", "kv_heads", "window", "rope", "causal",
            "scale", "norm", "token");
    /** The cells {@link #explain} explains; attention's own are explained by POST /api/attention/explain. */
    static final List<String> CELLS = List.of("norm", "residual", "q_rotated", "k_rotated");
    private static final String STATE = "the layer widget's state";

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "layer");
        if (!body.has("causal")) {
            body.put("causal", true);
        }
        AttentionInputs in = AttentionInputs.from(body);
        checkSizes(in);
        ObjectNode out = AttentionWidgetState.common(body, in);
        out.set("wo", in.spec().wo() == null ? null : WidgetJson.matrix(in.spec().wo().toArray()));
        out.put("heads", in.spec().heads());
        if (state.has("kv_heads")) {
            out.put("kv_heads", in.spec().kvHeads());
        }
        if (state.has("window")) {
            out.put("window", in.spec().window());
        }
        if (state.has("rope")) {
            out.put("rope", in.spec().rope());
        }
        AttentionWidgetState.switches(out, in);
        out.put("norm", MatrixJson.bool(state.get("norm"), "norm", false));
        out.put("token", MatrixJson.integer(state.get("token"), "token", in.x().rows(), 1, in.x().rows()));
        view(out, STATE);                                // the residual needs an output as wide as X: refuse now, not on the page
        return out;
    }

    /** The layer's steps for a state or an API body (the same fields). */
    static LayerView view(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        AttentionInputs in = AttentionInputs.from(state);
        checkSizes(in);
        boolean norm = MatrixJson.bool(state.get("norm"), "norm", false);
        int token = MatrixJson.integer(state.get("token"), "token", in.x().rows(), 1, in.x().rows());
        AttentionSpec spec = in.spec();
        ObjectNode body = WidgetLayers.body((norm ? AttentionLayer.rmsNorm(in.x()) : in.x()).toArray(), spec);
        return LayerView.of(in.tokens(), token, in.x(), spec, norm, body);
    }

    /**
     * The allowed head counts, and the title of each chapter a step links to, by slug ("scores" →
     * "Scores: comparing …"), from the book being loaded: the script names the chapter with it.
     */
    @Override
    public ObjectNode options(ObjectNode state) {
        ObjectNode options = WidgetJson.object();
        AttentionInputs in = AttentionInputs.from(state);
        // with kv_heads given, W_K's width fixes d_k and so the head count: only the state's own
        List<Integer> heads = state.has("kv_heads") ? List.of(in.spec().heads()) : MultiHeadWidget.headChoices(in).stream()
                .filter(h -> !in.spec().rope() || in.spec().wq().cols() / h % 2 == 0).toList();   // rope turns pairs: d_k even
        options.set("heads", WidgetJson.ints(heads));
        ObjectNode chapters = options.putObject("chapters");
        for (LayerView.LayerStep step : view(state, STATE).steps()) {
            ChapterTitles.of(step.chapter()).ifPresent(title -> chapters.put(step.chapter(), title));
        }
        return options;
    }

    /** What the layer template shows before the script runs: the followed token and each step's matrices. */
    public record Page(int token, String tokenName, List<Step> steps) {
    }

    /** chapter: the slug of the chapter that teaches the step (or null); chapterTitle its title, null when the book has no such chapter. */
    public record Step(String key, String title, String formula, String shape, String chapter, String chapterTitle,
                       List<MatrixTable.View> matrices) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        LayerView view = view(state, STATE);
        List<Step> steps = view.steps().stream().map(step -> new Step(step.key(), step.title(), step.formula(), step.shape(),
                step.chapter(), ChapterTitles.of(step.chapter()).orElse(null),
                step.matrices().stream().map(m -> MatrixTable.view(new MatrixTable.Spec(m.name(), m.key(), m.cells(), m.rows(), m.cols(),
                        m.scale().equals("weights") ? MatrixTable.Scale.WEIGHTS : MatrixTable.Scale.SIGNED, AttentionWidgetState.DIGITS))).toList()))
                .toList();
        return Templates.render("book/layer.jte", new Page(view.token(), view.tokens().get(view.token() - 1), steps));
    }

    /**
     * The layer's state plus "explain": {"matrix": one of {@link #CELLS}, "head" (for q_rotated and k_rotated,
     * 0-based), "row", "col"}: the arithmetic behind that cell, from the core's {@link LayerExplainer}.
     */
    static Explanation explain(JsonNode body) {
        JsonNode cell = body.get("explain");
        if (cell == null || !cell.isObject() || !cell.path("matrix").isTextual() || !CELLS.contains(cell.get("matrix").textValue())) {
            throw new MatrixJson.Invalid("\"explain\" must name the cell, such as {\"matrix\": \"residual\", \"row\": 0, \"col\": 1}: "
                    + "matrix is one of " + String.join(", ", CELLS) + " (the last two with \"head\"), row and col count from 0; "
                    + "attention's own cells are explained by POST /api/attention/explain");
        }
        MatrixJson.onlyKnownKeys(cell, Set.of("matrix", "head", "row", "col"), "\"explain\"");
        ObjectNode state = ((ObjectNode) body).deepCopy();
        state.remove("explain");
        MatrixJson.onlyKnownKeys(state, KEYS, "the body");
        AttentionInputs in = AttentionInputs.from(state);
        checkSizes(in);
        boolean norm = MatrixJson.bool(state.get("norm"), "norm", false);
        AttentionSpec spec = in.spec();
        AttentionLayer.Trace trace = AttentionLayer.run(in.x(), spec, norm);
        String matrix = cell.get("matrix").textValue();
        int row = MatrixJson.integer(cell.get("row"), "row", 0);
        int col = MatrixJson.integer(cell.get("col"), "col", 0);
        if (matrix.equals("norm") || matrix.equals("residual")) {
            if (matrix.equals("norm") && !norm) {
                throw new MatrixJson.Invalid("\"norm\" is off, so the layer has no norm(X) cells to explain");
            }
            return matrix.equals("norm") ? LayerExplainer.norm(in.x(), row, col) : LayerExplainer.residual(trace, row, col);
        }
        if (!spec.rope()) {
            throw new MatrixJson.Invalid("\"rope\" is off, so q and k are not rotated: there is no " + matrix + " cell to explain");
        }
        int head = MatrixJson.integer(cell.get("head"), "head", 0);
        if (head < 0 || head >= spec.heads()) {
            throw new MatrixJson.Invalid("\"head\" is " + head + " but there " + (spec.heads() == 1 ? "is 1 head" : "are " + spec.heads()
                    + " heads") + ": head counts from 0");
        }
        return LayerExplainer.rotated(trace.attention(), spec, matrix.equals("q_rotated"), head, row, col);
    }

    private static void checkSizes(AttentionInputs in) {
        for (var m : List.of(in.x(), in.spec().wq(), in.spec().wk(), in.spec().wv())) {
            if (m.rows() > AttentionWidgetState.MAX_SIZE || m.cols() > AttentionWidgetState.MAX_SIZE) {
                throw new MatrixJson.Invalid("a matrix is " + m.shape() + ": the layer widget shows matrices of at most "
                        + AttentionWidgetState.MAX_SIZE + " rows and " + AttentionWidgetState.MAX_SIZE + " columns");
            }
        }
        if (in.spec().heads() > MultiHeadWidget.MAX_HEADS) {
            throw new MatrixJson.Invalid("\"heads\" is " + in.spec().heads() + ": the layer widget shows at most " + MultiHeadWidget.MAX_HEADS);
        }
    }
}
