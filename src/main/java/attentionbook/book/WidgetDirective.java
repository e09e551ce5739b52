package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ```widget NAME}: a live widget with its initial state as a JSON object. The state is checked
 * by the widget's {@link WidgetKind} while the book loads (a mistake stops start-up, naming the file
 * and the line of the offending field) and completed into its normal form. The page gets
 * <pre>
 * &lt;div class="widget" data-widget="NAME" data-state="{normalised state}" [data-options="{...}"]&gt;
 *   &lt;div class="widget-static"&gt;the initial matrices as the book's tables&lt;/div&gt; ...
 * </pre>
 * so a reader without JavaScript, a printout or a search engine sees the numbers; then
 * static/js/widgets/NAME.js mounts on it and makes them live.
 */
public final class WidgetDirective implements Directive {
    /**
     * What book/widget.jte prints: the widget's name, its state and options as JSON (options null when it has none)
     * and its static figure, HTML from the widget's own templates.
     */
    public record View(String name, String state, String options, String figure) {
    }

    public static final java.util.List<String> NAMES = Widgets.names();
    private static final Pattern QUOTED_FIELD = Pattern.compile("\"([A-Za-z_]+)\"");
    private static final Pattern LEADING_FIELD = Pattern.compile("^([A-Za-z_]+) ");

    @Override
    public String render(Block block) {
        String name = block.argument();
        if (name.isEmpty()) {
            throw new DirectiveException("name the widget: ```widget NAME, where NAME is one of " + String.join(", ", NAMES));
        }
        WidgetKind kind = Widgets.kind(name);
        if (kind == null) {
            throw new DirectiveException("unknown widget \"" + name + "\"; the widgets are " + String.join(", ", NAMES));
        }
        JsonNode state = block.body().isBlank() ? Mappers.JSON.createObjectNode() : ExampleDirective.parse(block.body());
        if (!state.isObject()) {
            throw new DirectiveException("a widget's state must be a JSON object such as {\"preset\": \"journey\"}", 1);
        }
        ObjectNode normal;
        String figure;
        ObjectNode options;
        try {
            normal = kind.normalise(state);
            figure = kind.staticHtml(normal);
            options = kind.options(normal);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new DirectiveException("the " + name + " widget's state: " + e.getMessage(), lineOf(e.getMessage(), state, block.body()));
        }
        return Templates.render("book/widget.jte", new View(name, normal.toString(), options == null ? null : options.toString(), figure));
    }

    /**
     * The line of the block (from 1) holding the field a message names first: "\"x\" row 2 ..." or
     * "wk is 3×3 but ...". Line 1 when the field is not written out (a preset's matrix, a default).
     */
    static int lineOf(String message, JsonNode state, String body) {
        String field = null;
        Matcher quoted = QUOTED_FIELD.matcher(message == null ? "" : message);
        while (field == null && quoted.find()) {
            if (state.has(quoted.group(1))) {
                field = quoted.group(1);
            }
        }
        Matcher leading = LEADING_FIELD.matcher(message == null ? "" : message);
        if (field == null && leading.find() && state.has(leading.group(1))) {
            field = leading.group(1);
        }
        if (field == null) {
            for (Iterator<String> it = state.fieldNames(); it.hasNext() && field == null; ) {
                String key = it.next();
                if (message != null && message.contains(key + " ")) {
                    field = key;
                }
            }
        }
        if (field == null) {
            return 1;
        }
        return NodeLines.of(Mappers.JSON, body).keyLine(field, 1);
    }
}
