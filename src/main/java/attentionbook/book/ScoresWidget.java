package attentionbook.book;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code ```widget scores}: every query against every key, Q·Kᵀ. State: the
 * {@link AttentionWidgetState common inputs} plus "selected" ([row, column] of the picked score,
 * from 1, or null).
 */
final class ScoresWidget implements WidgetKind {
    private static final Set<String> KEYS = AttentionWidgetState.keys("selected");

    @Override
    public ObjectNode normalise(JsonNode state) {
        ObjectNode body = AttentionWidgetState.start(state, KEYS, "scores");
        AttentionInputs in = AttentionWidgetState.inputs(body);
        ObjectNode out = AttentionWidgetState.common(body, in);
        int[] cell = WidgetJson.cell(state.get("selected"), "selected", in.x().rows(), in.x().rows());
        out.set("selected", cell == null ? null : WidgetJson.ints(List.of(cell[0], cell[1])));
        return out;
    }

    @Override
    public String staticHtml(ObjectNode state) {
        AttentionTables t = AttentionWidgetState.tables(state);
        double vectors = AttentionTables.span(t.trace().q(), t.trace().k());
        return AttentionTables.row(t.signed("Q = X·Wq", "q", t.trace().q(), vectors),
                t.table("Kᵀ", "kt", t.trace().k().transpose(), ExampleDirective.dims(t.trace().k().cols()), t.in().tokens(),
                        MatrixTable.Scale.SIGNED, vectors),
                t.grid("scores Q·Kᵀ", "scores", t.head().scores(), 0));
    }
}
