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
        KINDS.put("qkv", new AttentionWidget(AttentionWidget.Variant.QKV));
        KINDS.put("scores", new AttentionWidget(AttentionWidget.Variant.SCORES));
        KINDS.put("scaling", new ScalingWidget());
        KINDS.put("masking", new AttentionWidget(AttentionWidget.Variant.MASKING));
        KINDS.put("softmax", new SoftmaxWidget());
        KINDS.put("weighted-sum", new AttentionWidget(AttentionWidget.Variant.WEIGHTED_SUM));
        KINDS.put("multi-head", new AttentionWidget(AttentionWidget.Variant.MULTI_HEAD));
        KINDS.put("pipeline", new AttentionWidget(AttentionWidget.Variant.PIPELINE));
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

    /** The widget with this name, or null. */
    static WidgetKind kind(String name) {
        return KINDS.get(name);
    }
}
