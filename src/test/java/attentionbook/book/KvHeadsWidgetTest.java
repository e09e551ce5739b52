package attentionbook.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import attentionbook.attention.AttentionTrace;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The kv-heads widget's checks, its first state as tables, and its cache figures per key/value head count. */
class KvHeadsWidgetTest {
    private static final String LAYER = "{\"x\": [[1, 0, 2, -1], [0, 1, 1, 2], [2, 1, 0, 1]],"
            + " \"wq\": [[1,0,0,1,1,0,0,1],[0,1,1,0,0,1,1,0],[1,0,0,1,0,1,1,0],[0,1,1,0,1,0,0,1]],"
            + " \"wk\": [[1,0,0,1,1,1,0,0],[0,1,1,0,0,0,1,1],[1,1,0,0,1,0,0,1],[0,0,1,1,0,1,1,0]],"
            + " \"wv\": [[1,0,0,1,1,0,0,1],[0,1,1,0,1,1,0,0],[1,1,0,0,0,0,1,1],[0,0,1,1,0,1,1,0]], \"heads\": 4";

    private final KvHeadsWidget widget = new KvHeadsWidget();

    @Test
    void theFirstStateShowsTheCoresWeightsForTheChosenGroups() {
        ObjectNode state = widget.normalise(ExampleDirective.parse(LAYER + ", \"kv_heads\": 2}"));
        assertEquals(2, state.get("kv_heads").asInt());
        assertTrue(state.get("causal").asBoolean(), "causal by default");
        AttentionTrace trace = KvHeadsWidget.layer(state).trace();
        assertEquals(1, trace.heads().get(2).kvGroup());
        String html = widget.staticHtml(state);
        String weight = MatrixTable.number(trace.heads().get(3).weights().get(2, 1), 2);
        assertTrue(html.contains("weights A (head 4, K/V 2)"), html);
        assertTrue(html.contains(">" + weight + "</td>"), weight);
        assertTrue(html.contains("= 24 numbers, where 4 heads of their own would cache 48: 2 times fewer"), html);
    }

    @Test
    void everyDivisorIsOfferedWithItsCache() {
        ObjectNode options = widget.options(widget.normalise(ExampleDirective.parse(LAYER + "}")));
        assertEquals("[1,2,4]", options.get("kv_heads").toString());
        assertTrue(options.at("/cache/1/model_text").asText().contains("keeps 8 key/value heads a layer"),
                options.at("/cache/1/model_text").asText());
        assertTrue(options.at("/cache/4/text").asText().endsWith("as plain multi-head attention does."));
    }

    @Test
    void aKvHeadCountThatDoesNotDivideIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> widget.normalise(ExampleDirective.parse(LAYER + ", \"kv_heads\": 3}")));
        assertEquals("\"kv_heads\" is 3 but must divide \"heads\" = 4: the choices are [1, 2, 4]", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> widget.normalise(ExampleDirective.parse(LAYER + ", \"wo\": \"identity\"}")));   // the widget ends at concat
        assertTrue(unknown.getMessage().startsWith("unknown field \"wo\""), unknown.getMessage());
    }
}
