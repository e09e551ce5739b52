package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code ```widget NAME}: a live widget with its initial state as a JSON object. The page gets
 * {@code <div class="widget" data-widget="NAME" data-state="...">}, which static/js/widgets/NAME.js
 * mounts on.
 */
public final class WidgetDirective implements Directive {
    public static final List<String> NAMES = List.of("shapes", "qkv", "scores", "scaling", "masking", "softmax",
            "weighted-sum", "multi-head", "pipeline");

    @Override
    public String render(Block block) {
        String name = block.argument();
        if (name.isEmpty()) {
            throw new DirectiveException("name the widget: ```widget NAME, where NAME is one of " + String.join(", ", NAMES));
        }
        if (!NAMES.contains(name)) {
            throw new DirectiveException("unknown widget \"" + name + "\"; the widgets are " + String.join(", ", NAMES));
        }
        JsonNode state = block.body().isBlank() ? ExampleDirective.JSON.createObjectNode() : ExampleDirective.parse(block.body());
        if (!state.isObject()) {
            throw new DirectiveException("a widget's state must be a JSON object such as {\"preset\": \"journey\"}", 1);
        }
        return "<div class=\"widget\" data-widget=\"" + name + "\" data-state=\"" + MatrixTable.escape(state.toString()) + "\">"
                + "<p class=\"widget-loading\">The " + name + " widget starts when the page's scripts have loaded.</p></div>";
    }
}
