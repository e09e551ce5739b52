package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every widget a chapter may declare, by the name in {@code ```widget NAME}. */
public final class Widgets {
    private static final Map<String, WidgetKind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("shapes", new ShapesWidget());
        KINDS.put("qkv", new QkvWidget());
        KINDS.put("scores", new ScoresWidget());
        KINDS.put("scaling", new ScalingWidget());
        KINDS.put("masking", new MaskingWidget());
        KINDS.put("softmax", new SoftmaxWidget());
        KINDS.put("weighted-sum", new WeightedSumWidget());
        KINDS.put("multi-head", new MultiHeadWidget());
        KINDS.put("pipeline", new PipelineWidget());
        KINDS.put("layer", new LayerWidget());
        KINDS.put("decode", new DecodeWidget());
        KINDS.put("online-softmax", new OnlineSoftmaxWidget());
        KINDS.put("cost", new CostWidget());
        KINDS.put("kv-heads", new KvHeadsWidget());
    }

    private Widgets() {
    }

    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The shapes widget's numbers for a request body {"batch", "ctx", "d_model", "heads"}. */
    public static ShapeChain shapes(JsonNode body) {
        return ShapesWidget.chain(body, "the body");
    }

    /** The softmax widget's numbers for a request body {"scores", "temperature"}. */
    public static SoftmaxComparison softmax(JsonNode body) {
        return SoftmaxWidget.comparison(body, "the body");
    }

    /** The scaling widget's numbers for a request body {"dk", "samples", "seed"}. */
    public static ScalingView scaling(JsonNode body) {
        return ScalingWidget.view(body, "the body");
    }

    /** The layer widget's steps for a request body: its state's fields. */
    public static LayerView layer(JsonNode body) {
        return LayerWidget.view(body, "the body");
    }

    /** The arithmetic of a layer widget's norm, residual or rotated cell: its state plus "explain". */
    public static attentionbook.attention.Explanation explainLayer(JsonNode body) {
        return LayerWidget.explain(body);
    }

    /** The decode widget's step for a request body: its state's fields. */
    public static DecodeView decode(JsonNode body) {
        return DecodeWidget.view(body, "the body");
    }

    /** The online-softmax widget's tiles for a request body {"scores", "values", "tile"}. */
    public static Object onlineSoftmax(JsonNode body) {
        return OnlineSoftmaxWidget.view(body, "the body");
    }

    /** The cost widget's figures for a request body {"ctx", "d_model", "heads", "layers", "dtype"}. */
    public static Object cost(JsonNode body) {
        return CostWidget.view(body, "the body");
    }

    /** The widget with this name, or null. */
    static WidgetKind kind(String name) {
        return KINDS.get(name);
    }
}
