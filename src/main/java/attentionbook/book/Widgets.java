package attentionbook.book;

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
    }

    private Widgets() {
    }

    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The widget with this name, or null. */
    static WidgetKind kind(String name) {
        return KINDS.get(name);
    }
}
