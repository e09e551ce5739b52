package attentionbook.book;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a YAML or JSON document is written, by JSON pointer ("/chapters/2"), as the
 * parser's own token locations give it. Messages about a value then name the value's line, not a
 * line found by searching the text (which a key's name in a welcome text, a quoted key or a list
 * item would fool).
 */
public final class NodeLines {
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final Map<String, JsonLocation> values = new HashMap<>();

    private NodeLines() {
    }

    /** The locations in a text the mapper has already read without error. */
    public static NodeLines of(ObjectMapper mapper, String text) {
        NodeLines lines = new NodeLines();
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // the parser has entered the container: its own place is in the parent's context
                    context = context.getParent();
                }
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                JsonLocation at = parser.currentTokenLocation();
                if (token == JsonToken.FIELD_NAME) {
                    lines.keys.putIfAbsent(pointer, at);
                } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.values.putIfAbsent(pointer, at);
                }
            }
        } catch (IOException e) {
            // the text was read once already; a second read cannot fail, and if it did, lines fall back
        }
        return lines;
    }

    /** The line of a key, or of a list item (its value), 1-based; {@code fallback} when unknown. */
    public int line(String pointer, int fallback) {
        JsonLocation at = keys.containsKey(pointer) ? keys.get(pointer) : values.get(pointer);
        return at == null || at.getLineNr() < 1 ? fallback : at.getLineNr();
    }

    /** The line of a top-level key (any name: "/" and "~" are escaped as a JSON pointer needs). */
    public int keyLine(String key, int fallback) {
        return line("/" + key.replace("~", "~0").replace("/", "~1"), fallback);
    }

    /** The line where a value starts (for a YAML block scalar, the line of its "|" or ">"). */
    public int valueLine(String pointer, int fallback) {
        JsonLocation at = values.get(pointer);
        return at == null || at.getLineNr() < 1 ? fallback : at.getLineNr();
    }

    /** The value's column, 1-based, or 0 when unknown. */
    public int valueColumn(String pointer) {
        JsonLocation at = values.get(pointer);
        return at == null ? 0 : at.getColumnNr();
    }
}
