package attentionbook.book;

import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ```widget kv-heads}: h query heads sharing g key/value heads (grouped-query attention; g = 1 is
 * multi-query, g = h multi-head). The author writes a multi-head layer, W_K and W_V as wide as W_Q; with
 * g key/value heads the layer keeps their first g blocks (see {@link KvHeadsLayer}). Normalised state:
 * <pre>{"preset": null, "tokens": [...], "x": T×d_model, "wq", "wk", "wv": d_model×(h·d_k), "heads": h,
 *  "kv_heads": g, "causal": true}</pre>
 * plus "window" (needs causal) and "rope" when the author writes them: the core runs them as the attention API does.
 * Options: the allowed g (the divisors of h) and, for each, what the KV cache holds.
 */
public final class KvHeadsWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("preset", "tokens", "x", "wq", "wk", "wv", "heads", "kv_heads", "causal", "window", "rope");
    private static final String STATE = "the kv-heads widget's state";

    @Override
    public ObjectNode normalise(JsonNode state) {
        KvHeadsLayer layer = layer(state);
        AttentionInputs in = layer.in();
        ObjectNode out = AttentionWidgetState.common(state, in);
        out.put("heads", in.spec().heads());
        out.put("kv_heads", layer.kvHeads());
        out.put("causal", in.spec().causal());
        AttentionWidgetState.modern(out, state, in, Set.of("window", "rope"));   // kv_heads is the layer's own, above
        layer.trace(); // refuse inputs that overflow now, while the book loads
        return out;
    }

    /** The layer of a state, checked: at most 8 heads, W_V as wide as W_Q, kv_heads a divisor of heads. */
    static KvHeadsLayer layer(JsonNode state) {
        AttentionWidgetState.refuseModern(state, KEYS, "kv-heads");
        MatrixJson.onlyKnownKeys(state, KEYS, STATE);
        ObjectNode body = state.deepCopy();
        if (!body.has("causal")) {
            body.put("causal", true);
        }
        body.remove("kv_heads"); // the inputs are the multi-head layer; g is applied by KvHeadsLayer
        AttentionInputs in = AttentionInputs.from(body);
        int heads = in.spec().heads();
        if (heads > MultiHeadWidget.MAX_HEADS) {
            throw new MatrixJson.Invalid("\"heads\" is " + heads + ", more than the " + MultiHeadWidget.MAX_HEADS + " the widget shows");
        }
        if (in.x().rows() > AttentionWidgetState.MAX_SIZE || in.spec().wq().cols() > AttentionWidgetState.MAX_SIZE) {
            throw new MatrixJson.Invalid("\"x\" or \"wq\" is larger than the " + AttentionWidgetState.MAX_SIZE
                    + " tokens or columns a widget shows");
        }
        if (in.spec().wv().cols() != in.spec().wq().cols()) {
            throw new MatrixJson.Invalid("\"wv\" is " + in.spec().wv().shape() + " but wq is " + in.spec().wq().shape()
                    + ": in this widget d_v = d_k, so the cache counts K and V alike");
        }
        int kvHeads = MatrixJson.integer(state.get("kv_heads"), "kv_heads", heads);
        if (kvHeads < 1 || heads % kvHeads != 0) {
            throw new MatrixJson.Invalid("\"kv_heads\" is " + kvHeads + " but must divide \"heads\" = " + heads
                    + ": the choices are " + KvHeadsLayer.choices(heads));
        }
        return new KvHeadsLayer(in, kvHeads);
    }

    @Override
    public ObjectNode options(ObjectNode state) {
        KvHeadsLayer layer = layer(state);
        List<Integer> choices = KvHeadsLayer.choices(layer.in().spec().heads());
        ObjectNode out = WidgetJson.object();
        out.set("kv_heads", WidgetJson.ints(choices));
        ObjectNode cache = out.putObject("cache");
        for (int g : choices) {
            cache.set(String.valueOf(g), new KvHeadsLayer(layer.in(), g).cache());
        }
        return out;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        KvHeadsLayer layer = layer(state);
        AttentionTrace trace = layer.trace();
        AttentionTables t = new AttentionTables(layer.in(), trace);
        int heads = layer.in().spec().heads();
        int g = layer.kvHeads();
        int dk = layer.in().spec().headWidth();
        List<MatrixTable.View> html = new ArrayList<>();
        html.add(MatrixTable.view(new MatrixTable.Spec("query head → key/value head", "mapping",
                KvHeadsLayer.mapping(layer.groups(), g).toArray(), names("head", heads), names("K/V", g), MatrixTable.Scale.WEIGHTS, 0)));
        double vectors = AttentionTables.span(trace.k(), trace.v(), trace.concat());
        for (int j = 0; j < g; j++) {
            html.add(t.signed("K (key/value head " + (j + 1) + ")", "k-g" + (j + 1), trace.k().columns(j * dk, (j + 1) * dk), vectors));
            html.add(t.signed("V (key/value head " + (j + 1) + ")", "v-g" + (j + 1), trace.v().columns(j * dk, (j + 1) * dk), vectors));
            if (layer.in().spec().rope()) {     // every query head of group j reads the same rotated keys: the first one's
                HeadTrace first = trace.heads().get(layer.groups().indexOf(j));
                html.add(t.signed("K rotated (key/value head " + (j + 1) + ")", "k-rotated-g" + (j + 1), first.kRotated(), vectors));
            }
        }
        for (int h = 0; h < heads; h++) {
            HeadTrace head = trace.heads().get(h);
            html.add(t.weightsGrid("weights A (head " + (h + 1) + ", K/V " + (head.kvGroup() + 1) + ")", "weights-h" + (h + 1),
                    head.weights()));
        }
        html.add(t.signed("concat(heads)", "concat", trace.concat(), vectors));
        ObjectNode cache = layer.cache();
        return Templates.render("book/kv-heads.jte", new Page(html, cache.get("text").asText(),
                cache.has("model_text") ? cache.get("model_text").asText() : null));
    }

    /** What the kv-heads template shows before the script runs: the mapping, each group's K and V, each head's weights, the cache. */
    public record Page(List<MatrixTable.View> matrices, String cacheText, String modelText) {
    }

    private static List<String> names(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(prefix + " " + i);
        }
        return out;
    }
}
