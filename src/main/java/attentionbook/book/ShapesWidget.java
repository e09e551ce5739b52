package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Set;

/**
 * {@code ```widget shapes}: every tensor's shape along multi-head attention. State (each field
 * optional in a chapter, all present once normalised):
 * <pre>{"batch": 4, "ctx": 16, "d_model": 512, "heads": 8}</pre>
 * Heads that do not divide d_model are allowed: the widget explains why that choice is impossible.
 */
final class ShapesWidget implements WidgetKind {
    static final Set<String> KEYS = Set.of("batch", "ctx", "d_model", "heads");

    private static final String STATE = "the shapes widget's state";

    @Override
    public ObjectNode normalise(JsonNode state) {
        ShapeChain chain = chain(state, STATE);
        ObjectNode out = WidgetJson.object();
        out.put("batch", chain.batch());
        out.put("ctx", chain.ctx());
        out.put("d_model", chain.dModel());
        out.put("heads", chain.heads());
        return out;
    }

    /** The chain for a state or an API body, with the widget's defaults: [4, 16, 512] and 8 heads. */
    static ShapeChain chain(JsonNode state, String what) {
        MatrixJson.onlyKnownKeys(state, KEYS, what);
        return ShapeChain.of(MatrixJson.integer(state.get("batch"), "batch", 4),
                MatrixJson.integer(state.get("ctx"), "ctx", 16),
                MatrixJson.integer(state.get("d_model"), "d_model", 512),
                MatrixJson.integer(state.get("heads"), "heads", 8));
    }

    @Override
    public String staticHtml(ObjectNode state) {
        ShapeChain chain = chain(state, STATE);
        StringBuilder html = new StringBuilder("<table class=\"shape-table\"><caption>Shapes for batch ")
                .append(chain.batch()).append(", ctx ").append(chain.ctx()).append(", d_model ").append(chain.dModel())
                .append(", ").append(chain.heads()).append(chain.heads() == 1 ? " head" : " heads")
                .append("</caption><thead><tr><th scope=\"col\">tensor</th><th scope=\"col\">shape</th>")
                .append("<th scope=\"col\">numbers</th></tr></thead><tbody>");
        for (ShapeChain.Stage stage : chain.stages()) {
            html.append("<tr data-stage=\"").append(stage.key()).append("\"><th scope=\"row\">")
                    .append(MatrixTable.escape(stage.name())).append("</th><td>");
            html.append(stage.product() == null ? ShapeChain.brackets(stage.shape()) : MatrixTable.escape(stage.product().rule()));
            html.append("</td><td>").append(String.format(Locale.ROOT, "%,d", stage.count())).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (!chain.possible()) {
            html.append("<p class=\"widget-problem\">").append(MatrixTable.escape(chain.problem())).append("</p>");
        }
        return html.toString();
    }
}
