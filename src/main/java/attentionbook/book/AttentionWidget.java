package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The widgets that run attention on editable inputs: qkv, scores, masking, weighted-sum, multi-head
 * and pipeline. An author writes any of the {@link AttentionInputs} fields (a preset, or matrices);
 * the normalised state, which the script, the URL fragment and the reset button hold, is
 * <pre>
 * {"preset": "journey" or null, "tokens": [...], "x": T×d_model, "wq", "wk", "wv": d_model×width, ...}
 * </pre>
 * plus, per widget: qkv "shared" (one matrix serves as Wq, Wk and Wv); scores "selected" ([row,
 * column] of the picked score, from 1, or null); masking "causal" (default true) and "scale";
 * weighted-sum "query" (the row, from 1), "causal", "scale" and "weights" (null, or one non-negative
 * number a token that replaces the row's weights once divided by their sum); multi-head "wo" (default the
 * identity), "heads" (default the smallest divisor above 1), "causal" and "scale"; pipeline "wo"
 * (or null), "causal", "scale" and "step" (1 … {@link #PIPELINE_STEPS}). Without a preset or x, the
 * journey preset is used.
 */
final class AttentionWidget implements WidgetKind {
    /** A widget is read on a page: beyond this many tokens or columns it stops being readable. */
    static final int MAX_SIZE = 12;
    static final int DIGITS = 2;
    /** The attention API computes at most 8 heads (web.AttentionLimits). */
    static final int MAX_HEADS = 8;
    static final List<String> PIPELINE_STEP_NAMES = List.of("x", "qkv", "scores", "scaled", "masked", "weights", "output");
    static final int PIPELINE_STEPS = PIPELINE_STEP_NAMES.size();
    private static final List<String> INPUTS = List.of("preset", "tokens", "x", "wq", "wk", "wv");

    enum Variant {
        QKV("qkv", List.of("shared")),
        SCORES("scores", List.of("selected")),
        MASKING("masking", List.of("causal", "scale")),
        WEIGHTED_SUM("weighted-sum", List.of("query", "causal", "scale", "weights")),
        MULTI_HEAD("multi-head", List.of("wo", "heads", "causal", "scale")),
        PIPELINE("pipeline", List.of("wo", "causal", "scale", "step"));

        final String widget;
        final Set<String> keys;

        Variant(String widget, List<String> extra) {
            this.widget = widget;
            Set<String> all = new LinkedHashSet<>(INPUTS);
            all.addAll(extra);
            this.keys = Set.copyOf(all);
        }
    }

    private final Variant variant;

    AttentionWidget(Variant variant) {
        this.variant = variant;
    }

    @Override
    public ObjectNode normalise(JsonNode state) {
        MatrixJson.onlyKnownKeys(state, variant.keys, "the " + variant.widget + " widget's state");
        ObjectNode body = ((ObjectNode) state).deepCopy();
        if (!body.hasNonNull("preset") && !body.has("x")) {
            body.put("preset", "journey");
        }
        boolean shared = variant == Variant.QKV && MatrixJson.bool(state.get("shared"), "shared", false);
        if (shared) {
            for (String field : List.of("wk", "wv")) {
                if (state.has(field)) {
                    throw new MatrixJson.Invalid("\"" + field + "\" cannot be given when \"shared\" is true: one matrix, wq, serves as Wq, Wk and Wv");
                }
            }
        }
        if (variant == Variant.MASKING && !body.has("causal")) {
            body.put("causal", true);
        }
        if (variant == Variant.MULTI_HEAD && !body.has("wo")) {
            body.put("wo", "identity");
        }
        AttentionInputs in = AttentionInputs.from(body);
        if (shared) {
            in = new AttentionInputs(in.tokens(), in.x(), new AttentionSpec(
                    in.spec().wq(), in.spec().wq(), in.spec().wq(), null, 1, false, true));
        }
        checkSizes(in);
        if (variant == Variant.MULTI_HEAD && !state.has("heads")) {
            List<Integer> choices = headChoices(in);
            int heads = choices.size() > 1 ? choices.get(1) : 1;
            in = new AttentionInputs(in.tokens(), in.x(), withHeads(in, heads));
        }
        AttentionTrace trace = Attention.run(in.x(), in.spec());

        ObjectNode out = WidgetJson.object();
        out.put("preset", body.hasNonNull("preset") ? body.get("preset").asText() : null);
        out.set("tokens", WidgetJson.strings(in.tokens()));
        out.set("x", WidgetJson.matrix(in.x().toArray()));
        out.set("wq", WidgetJson.matrix(in.spec().wq().toArray()));
        out.set("wk", WidgetJson.matrix(in.spec().wk().toArray()));
        out.set("wv", WidgetJson.matrix(in.spec().wv().toArray()));
        switch (variant) {
            case QKV -> out.put("shared", shared);
            case SCORES -> {
                int[] cell = WidgetJson.cell(state.get("selected"), "selected", in.x().rows(), in.x().rows());
                out.set("selected", cell == null ? null : WidgetJson.ints(List.of(cell[0], cell[1])));
            }
            case MASKING -> switches(out, in);
            case WEIGHTED_SUM -> {
                switches(out, in);
                int query = MatrixJson.integer(state.get("query"), "query", 1, 1, trace.q().rows());
                out.put("query", query);
                JsonNode given = state.get("weights");
                if (given == null || given.isNull()) {
                    out.putNull("weights");
                } else {
                    double[] weights = MatrixJson.vector(given, "weights", 1, MAX_SIZE);
                    WeightedSum.given(in.spec(), trace, 0, query - 1, weights);   // checks them
                    out.set("weights", WidgetJson.vector(weights));
                }
            }
            case MULTI_HEAD -> {
                out.set("wo", WidgetJson.matrix(in.spec().wo().toArray()));
                out.put("heads", in.spec().heads());
                switches(out, in);
            }
            case PIPELINE -> {
                out.set("wo", in.spec().wo() == null ? null : WidgetJson.matrix(in.spec().wo().toArray()));
                switches(out, in);
                out.put("step", MatrixJson.integer(state.get("step"), "step", 1, 1, PIPELINE_STEPS));
            }
        }
        return out;
    }

    @Override
    public ObjectNode options(ObjectNode state) {
        ObjectNode options = WidgetJson.object();
        if (variant == Variant.QKV) {
            ObjectNode presets = options.putObject("presets");
            for (String name : Presets.names()) {
                Presets.Preset preset = Presets.get(name);
                ObjectNode p = presets.putObject(name);
                p.set("tokens", WidgetJson.strings(preset.tokens()));
                p.set("x", WidgetJson.matrix(preset.x()));
                p.set("wq", WidgetJson.matrix(preset.wq()));
                p.set("wk", WidgetJson.matrix(preset.wk()));
                p.set("wv", WidgetJson.matrix(preset.wv()));
            }
            return options;
        }
        if (variant == Variant.MULTI_HEAD) {
            AttentionInputs in = AttentionInputs.from(state);
            options.set("heads", WidgetJson.ints(headChoices(in)));
            // the widget never changes a matrix's size, so its parameter count is fixed: whatever the heads
            ObjectNode parameters = options.putObject("parameters");
            long total = 0;
            for (var entry : List.of(java.util.Map.entry("wq", in.spec().wq()), java.util.Map.entry("wk", in.spec().wk()),
                    java.util.Map.entry("wv", in.spec().wv()), java.util.Map.entry("wo", in.spec().wo()))) {
                long count = Math.multiplyExact((long) entry.getValue().rows(), entry.getValue().cols());
                parameters.put(entry.getKey(), count);
                total += count;
            }
            parameters.put("total", total);
            return options;
        }
        return null;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionInputs in = AttentionInputs.from(state);
        return new AttentionTables(in, Attention.run(in.x(), in.spec())).html(variant, state);
    }

    /** Head counts that split both the query width and the value width evenly, up to the attention API's 8. */
    static List<Integer> headChoices(AttentionInputs in) {
        List<Integer> choices = new ArrayList<>();
        for (int h = 1; h <= Math.min(MAX_HEADS, in.spec().wq().cols()); h++) {
            if (in.spec().wq().cols() % h == 0 && in.spec().wv().cols() % h == 0) {
                choices.add(h);
            }
        }
        return choices;
    }

    private static AttentionSpec withHeads(AttentionInputs in, int heads) {
        var s = in.spec();
        return new AttentionSpec(s.wq(), s.wk(), s.wv(), s.wo(), heads, s.causal(), s.scale());
    }

    private static void switches(ObjectNode out, AttentionInputs in) {
        out.put("causal", in.spec().causal());
        out.put("scale", in.spec().scale());
    }

    private void checkSizes(AttentionInputs in) {
        if (in.x().rows() > MAX_SIZE) {
            throw new MatrixJson.Invalid("\"x\" has " + in.x().rows() + " rows: a widget shows at most " + MAX_SIZE + " tokens");
        }
        check("x", in.x());
        check("wq", in.spec().wq());
        check("wk", in.spec().wk());
        check("wv", in.spec().wv());
        if (in.spec().wo() != null) {
            check("wo", in.spec().wo());
        }
    }

    private static void check(String field, Matrix m) {
        if (m.cols() > MAX_SIZE || m.rows() > MAX_SIZE) {
            throw new MatrixJson.Invalid("\"" + field + "\" is " + m.shape() + ": a widget shows matrices of at most "
                    + MAX_SIZE + " rows and " + MAX_SIZE + " columns");
        }
    }
}
