package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One kind of live widget ({@code ```widget NAME}): what its state may hold, and what a reader sees
 * before (or without) its script. Each kind's state is documented in its class and in its
 * static/js/widgets/NAME.js module.
 *
 * <p>A widget is one class implementing this, one template for its static view (src/main/jte/book/;
 * matrices through book/matrix.jte, or {@link AttentionTables} for a widget over attention's
 * inputs), one script static/js/widgets/NAME.js, and one line registering it in {@link Widgets}.
 */
public interface WidgetKind {

    /**
     * The author's state checked and completed: defaults filled in and presets resolved into
     * matrices, so that the script, the URL fragment and the reset button all hold one full form.
     * Throws IllegalArgumentException (usually {@link MatrixJson.Invalid}) whose message starts
     * with the offending field in quotes, or ArithmeticException when the inputs overflow.
     */
    ObjectNode normalise(JsonNode state);

    /** The widget's initial numbers as the book's tables and text, for a reader without JavaScript or a printout. */
    String staticHtml(ObjectNode state);

    /** Fixed facts the script needs besides the state (the presets to switch to, the allowed head counts), or null. */
    default ObjectNode options(ObjectNode state) {
        return null;
    }
}
