package attentionbook.web;

import attentionbook.book.Mappers;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Parses a request body into the same tree {@code Mappers.JSON.readTree} would build, walking the tokens
 * itself so that each mistake people make is recognised by what the parser sees, not by the wording of a
 * Jackson message: a key given twice (the object already has it), NaN or Infinity (the parser reads them
 * as numbers here and says so with {@link JsonParser#isNaN}), more after the first value (a next token),
 * nesting too deep or a number too long ({@link StreamConstraintsException}, told apart by the depth).
 * Every message says where: the line and column, and the top-level field.
 */
final class JsonTree {
    private static final ObjectReader READER = Mappers.JSON.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DIGITS = Mappers.JSON.getFactory().streamReadConstraints().getMaxNumberLength();

    private final JsonParser parser;
    private final String contentType;
    private int depth;

    private JsonTree(JsonParser parser, String contentType) {
        this.parser = parser;
        this.contentType = contentType;
    }

    /** @param contentType the request's, named in the message when it is not JSON; may be null */
    static JsonNode parse(byte[] body, String contentType) {
        try (JsonParser parser = READER.createParser(body)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);   // found here, where the object is at hand
            JsonTree tree = new JsonTree(parser, contentType);
            try {
                JsonNode root = tree.value(parser.nextToken());
                if (parser.nextToken() != null) {
                    throw tree.notJson("there is more after the first JSON value; send exactly one object");
                }
                return root;
            } catch (IOException e) {
                throw tree.refusal(e);
            }
        } catch (IOException e) {
            throw RejectedRequest.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    private JsonNode value(JsonToken token) throws IOException {
        if (token == null) {
            throw notJson("the body ends before its first value");
        }
        return switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> {
                if (parser.isNaN()) {
                    throw notJson("NaN and Infinity are not JSON numbers; every number must be finite");
                }
                yield NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw notJson("unexpected " + token.asString());
        };
    }

    private ObjectNode object() throws IOException {
        depth++;
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            if (object.has(name)) {
                throw notJson("the field '" + name + "' appears twice");
            }
            object.set(name, value(parser.nextToken()));
        }
        depth--;
        return object;
    }

    private ArrayNode array() throws IOException {
        depth++;
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(token));
        }
        depth--;
        return array;
    }

    /** An int, a long or a BigInteger node by the number's size, as readTree makes them. */
    private JsonNode integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    /** The parser's own refusals, said in the book's words. */
    private RejectedRequest refusal(IOException e) {
        if (e instanceof StreamConstraintsException tooMuch) {
            if (depth >= Mappers.MAX_NESTING) {
                return RejectedRequest.badRequest("the body nests lists and objects more than " + Mappers.MAX_NESTING
                        + " deep: the deepest field of any API body, a batched x, is a list of matrices (3 lists deep)");
            }
            return RejectedRequest.badRequest("a number in the body is too long" + where(tooMuch.getLocation())
                    + ": a number has at most " + MAX_DIGITS + " digits");
        }
        if (e instanceof JsonProcessingException invalid) {
            // the parser's own words (the first line, without the excerpt of the body it appends)
            String why = invalid.getOriginalMessage().lines().findFirst().orElse("it cannot be parsed").strip();
            return RejectedRequest.badRequest("the body is not valid JSON" + where(invalid.getLocation()) + ": " + why + hint());
        }
        return RejectedRequest.badRequest("the body could not be read: " + e.getMessage());
    }

    private RejectedRequest notJson(String why) {
        return RejectedRequest.badRequest("the body is not valid JSON" + where(parser.currentTokenLocation()) + ": " + why + hint());
    }

    private String hint() {
        return contentType != null && !contentType.toLowerCase().contains("json")
                ? " (the request's Content-Type is " + contentType + "; send application/json)" : "";
    }

    /** " at line 1, column 17 (in "x")", as far as the parser knows; location may be null. */
    private String where(JsonLocation location) {
        StringBuilder at = new StringBuilder();
        if (location == null || location.getLineNr() <= 0) {
            location = parser.currentLocation();     // a StreamConstraintsException carries none
        }
        if (location.getLineNr() > 0) {
            at.append(" at line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (pointer.length() > 1) {
            String field = pointer.substring(1).split("/", 2)[0];
            at.append(" (in \"").append(field.replace("~1", "/").replace("~0", "~")).append("\")");
        }
        return at.toString();
    }
}
