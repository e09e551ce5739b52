package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the widgets that run attention on editable inputs (qkv, scores, masking, weighted-sum,
 * multi-head, pipeline) share: the {@link AttentionInputs} fields an author may write, the journey
 * preset when none is given, the size a page can show, and the normalised state's common part
 * <pre>{"preset": "journey" or null, "tokens": [...], "x": T×d_model, "wq", "wk", "wv": d_model×width}</pre>
 * which the script, the URL fragment and the reset button hold.
 */
final class AttentionWidgetState {
    /** A widget is read on a page: beyond this many tokens (rows of X and of every grid) it stops being readable. */
    static final int MAX_SIZE = 12;
    /**
     * The widest matrix a widget takes: d_model and every side of a weight matrix. The lab's widest
     * d_model, so that every trained layer opens in the widgets; a wide matrix scrolls sideways in its
     * own box. The attention API's limit (web.AttentionLimits.MAX_WIDTH) is the same.
     */
    static final int MAX_WIDTH = 64;
    static final int DIGITS = 2;
    private static final List<String> INPUTS = List.of("preset", "tokens", "x", "wq", "wk", "wv");

    private AttentionWidgetState() {
    }

    /** The keys a widget's state may hold: the inputs and the widget's own. */
    static Set<String> keys(String... own) {
        Set<String> all = new LinkedHashSet<>(INPUTS);
        all.addAll(List.of(own));
        return Set.copyOf(all);
    }

    /** A copy of the author's state, unknown keys refused, with the journey preset when neither a preset nor x is given. */
    static ObjectNode start(JsonNode state, Set<String> keys, String widget) {
        refuseModern(state, keys, widget);
        MatrixJson.onlyKnownKeys(state, keys, "the " + widget + " widget's state");
        ObjectNode body = ((ObjectNode) state).deepCopy();
        if (!body.hasNonNull("preset") && !body.has("x")) {
            body.put("preset", "journey");
        }
        return body;
    }

    /**
     * A modern option (kv_heads, window, rope) this widget cannot draw, refused with why and with the widgets that
     * do draw it, rather than as an unknown field: the reader met these options in the book and may expect them here.
     */
    static void refuseModern(JsonNode state, Set<String> keys, String widget) {
        if (!state.isObject()) {
            return;
        }
        for (String field : MODERN.keySet()) {
            if (state.has(field) && !keys.contains(field)) {
                String shows = widget.equals("pipeline") ? "shows one head" : "shows plain attention";
                throw new MatrixJson.Invalid("\"" + field + "\" is not taken by the " + widget + " widget: it " + shows + ", and "
                        + MODERN.get(field));
            }
        }
    }

    /** Each modern option: what it does and where the book draws it. */
    private static final Map<String, String> MODERN = orderedModern();

    private static Map<String, String> orderedModern() {
        Map<String, String> modern = new LinkedHashMap<>();
        modern.put("kv_heads", "kv_heads groups several query heads on shared keys and values: use the kv-heads, multi-head or layer widget");
        modern.put("window", "a sliding window hides keys too far back: use the pipeline, multi-head, kv-heads, layer or decode widget");
        modern.put("rope", "rope rotates the q and k rows of each head by position: use the pipeline, multi-head, kv-heads, layer or decode widget");
        return java.util.Collections.unmodifiableMap(modern);
    }

    /** The modern options the author wrote, as the normalised state keeps them (absent ones stay absent, so older links still fit). */
    static void modern(ObjectNode out, JsonNode author, AttentionInputs in, Set<String> keys) {
        if (keys.contains("kv_heads") && author.hasNonNull("kv_heads")) {
            out.put("kv_heads", in.spec().kvHeads());
        }
        if (keys.contains("window") && author.hasNonNull("window")) {
            out.put("window", in.spec().window());
        }
        if (keys.contains("rope") && author.hasNonNull("rope")) {
            out.put("rope", in.spec().rope());
        }
    }

    /** The inputs the state gives, checked. */
    static AttentionInputs inputs(ObjectNode body) {
        AttentionInputs in = AttentionInputs.from(body);
        check(in);
        return in;
    }

    /** The normalised state's common part. */
    static ObjectNode common(JsonNode body, AttentionInputs in) {
        ObjectNode out = WidgetJson.object();
        out.put("preset", body.hasNonNull("preset") ? body.get("preset").asText() : null);
        out.set("tokens", WidgetJson.strings(in.tokens()));
        out.set("x", WidgetJson.matrix(in.x().toArray()));
        out.set("wq", WidgetJson.matrix(in.spec().wq().toArray()));
        out.set("wk", WidgetJson.matrix(in.spec().wk().toArray()));
        out.set("wv", WidgetJson.matrix(in.spec().wv().toArray()));
        return out;
    }

    /** The two switches most of these widgets have. */
    static void switches(ObjectNode out, AttentionInputs in) {
        out.put("causal", in.spec().causal());
        out.put("scale", in.spec().scale());
    }

    /** A normalised state's inputs run through attention, ready to be shown as tables. */
    static AttentionTables tables(ObjectNode state) {
        AttentionInputs in = AttentionInputs.from(state);
        return new AttentionTables(in, Attention.run(in.x(), in.spec()));
    }

    /** Inputs that fit on a page and fit together: attention runs on them once, so a shape mistake is found here. */
    static void check(AttentionInputs in) {
        checkSizes(in);
        Attention.run(in.x(), in.spec());
    }

    private static void checkSizes(AttentionInputs in) {
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
        int rows = field.equals("x") ? MAX_SIZE : MAX_WIDTH;
        if (m.cols() > MAX_WIDTH || m.rows() > rows) {
            throw new MatrixJson.Invalid("\"" + field + "\" is " + m.shape() + ": a widget shows matrices of at most "
                    + rows + " rows and " + MAX_WIDTH + " columns");
        }
    }
}
