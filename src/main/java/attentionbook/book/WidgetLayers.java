package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The attention layer a widget over attention's inputs runs, for a state given to the API: the state checked
 * and completed as a chapter's block is (so a modern field the widget cannot draw is refused with the same
 * reason), and the body of {@code POST /api/attention} that computes what the widget shows. The kv-heads
 * widget's layer keeps the first g blocks of W_K and W_V ({@link KvHeadsLayer}).
 */
public final class WidgetLayers {
    private static final Map<String, WidgetKind> KINDS = Map.of("multi-head", new MultiHeadWidget(), "pipeline", new PipelineWidget(),
            "kv-heads", new KvHeadsWidget());

    /** A widget's normalised state and the attention body of the layer it shows. */
    public record Layer(ObjectNode state, ObjectNode attention) {
    }

    private WidgetLayers() {
    }

    /** The widget names this serves. */
    public static java.util.Set<String> names() {
        return KINDS.keySet();
    }

    /** The state of the named widget (multi-head, pipeline or kv-heads) checked, and its layer. */
    public static Layer of(String widget, JsonNode state) {
        WidgetKind kind = KINDS.get(widget);
        if (kind == null) {
            throw new IllegalArgumentException("no layer for the " + widget + " widget");
        }
        ObjectNode normal = kind.normalise(state);
        if (widget.equals("kv-heads")) {
            KvHeadsLayer layer = KvHeadsWidget.layer(normal);
            return new Layer(normal, body(layer.in().x().toArray(), layer.spec()));
        }
        AttentionInputs in = AttentionInputs.from(normal);
        return new Layer(normal, body(in.x().toArray(), in.spec()));
    }

    /** The POST /api/attention body of a layer: these inputs and every field of the spec. */
    static ObjectNode body(double[][] x, AttentionSpec spec) {
        ObjectNode body = WidgetJson.object();
        body.set("x", WidgetJson.matrix(x));
        body.set("wq", WidgetJson.matrix(spec.wq().toArray()));
        body.set("wk", WidgetJson.matrix(spec.wk().toArray()));
        body.set("wv", WidgetJson.matrix(spec.wv().toArray()));
        if (spec.wo() != null) {
            body.set("wo", WidgetJson.matrix(spec.wo().toArray()));
        }
        body.put("heads", spec.heads());
        body.put("kv_heads", spec.kvHeads());
        body.put("causal", spec.causal());
        body.put("scale", spec.scale());
        if (spec.window() > 0) {
            body.put("window", spec.window());
        }
        body.put("rope", spec.rope());
        return body;
    }
}
