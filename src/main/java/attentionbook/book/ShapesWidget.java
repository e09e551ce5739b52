package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ```widget shapes}: every tensor's shape along multi-head attention. State (each field
 * optional in a chapter, all present once normalised):
 * <pre>{"batch": 4, "ctx": 16, "d_model": 512, "heads": 8}</pre>
 * Heads that do not divide d_model are allowed: the widget explains why that choice is impossible.
 */
public final class ShapesWidget implements WidgetKind {
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

    /** What book/shapes.jte prints: the sizes, then a row a tensor; the problem when the heads do not divide d_model. */
    public record View(int batch, int ctx, int dModel, String heads, List<Stage> stages, String problem) {
    }

    /** One tensor: its key for scripts, its name, its shape (or the product's rule) and how many numbers it holds. */
    public record Stage(String key, String name, String shape, String count) {
    }

    @Override
    public String staticHtml(ObjectNode state) {
        ShapeChain chain = chain(state, STATE);
        List<Stage> stages = new ArrayList<>();
        for (ShapeChain.Stage stage : chain.stages()) {
            stages.add(new Stage(stage.key(), stage.name(),
                    stage.product() == null ? ShapeChain.brackets(stage.shape()) : stage.product().rule(),
                    String.format(Locale.ROOT, "%,d", stage.count())));
        }
        return Templates.render("book/shapes.jte", new View(chain.batch(), chain.ctx(), chain.dModel(),
                chain.heads() + (chain.heads() == 1 ? " head" : " heads"), stages, chain.possible() ? null : chain.problem()));
    }
}
