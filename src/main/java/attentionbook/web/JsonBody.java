package attentionbook.web;

import attentionbook.book.Mappers;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body as one JSON value, refusing it with a clear {@link RejectedRequest} when it is
 * too large (413), empty, or not JSON (400).
 *
 * <p>The body is read here rather than through {@code ctx.body()}: Javalin 7 enforces
 * {@code cfg.http.maxRequestSize} only inside {@code body()}/{@code bodyAsBytes()}, by counting bytes as it
 * reads them and throwing an HttpResponseException (which BookServer turns into our JSON). Reading the
 * stream ourselves lets a body that announces its size be refused before it is read, with that size.
 */
final class JsonBody {
    private JsonBody() {
    }

    static JsonNode read(Context ctx, int maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new RejectedRequest(413, "the body is " + declared + " bytes but the API accepts at most " + maxBytes
                    + " bytes (" + maxBytes / 1024 + " KiB) in one request");
        }
        byte[] bytes = readAtMost(ctx, declared, maxBytes);
        if (isBlank(bytes)) {
            throw new RejectedRequest(400, "the body is empty: send a JSON object such as "
                    + "{\"x\": [[1, 0], [0, 1]], \"wq\": [[1, 0], [0, 1]], \"wk\": [[1, 0], [0, 1]], \"wv\": [[1, 0], [0, 1]]}");
        }
        try {
            return Mappers.JSON.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new RejectedRequest(400, tooDeepOrTooLong(e));
        } catch (JsonProcessingException e) {
            throw new RejectedRequest(400, notJson(e, ctx.contentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param declared the length the request announced (at most maxBytes), or -1: the buffers are sized to it */
    private static byte[] readAtMost(Context ctx, long declared, int maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared >= 0 ? (int) declared : 1024);
            byte[] buffer = new byte[declared >= 0 ? (int) Math.min(declared + 1, 8192) : 8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new RejectedRequest(413, "the body is more than " + maxBytes + " bytes (" + maxBytes / 1024
                            + " KiB), the most the API accepts in one request");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RejectedRequest(400, "the body could not be read: " + e.getMessage());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String tooDeepOrTooLong(StreamConstraintsException e) {
        if (e.getOriginalMessage().contains("nesting depth")) {
            return "the body nests lists and objects more than " + Mappers.MAX_NESTING + " deep: "
                    + "the deepest field, a batched x, is a list of matrices (3 lists deep)";
        }
        return "the body is not acceptable JSON" + where(e) + ": " + e.getOriginalMessage().replaceAll(" \\(.*\\)$", "");
    }

    /** The parser's words, made plainer for the mistakes people make, with the line, column and field. */
    private static String notJson(JsonProcessingException e, String contentType) {
        String original = e.getOriginalMessage();
        String why;
        if (original.contains("'NaN'") || original.contains("Infinity")) {
            why = "NaN and Infinity are not JSON numbers; every number must be finite";
        } else if (original.startsWith("Duplicate field")) {
            why = original.replace("Duplicate field", "the field") + " appears twice";
        } else if (original.startsWith("Trailing token")) {
            why = "there is more after the first JSON value; send exactly one object";
        } else {
            why = original.replaceAll("\\s*\\n.*", "");
        }
        String hint = contentType != null && !contentType.toLowerCase().contains("json")
                ? " (the request's Content-Type is " + contentType + "; send application/json)" : "";
        return "the body is not valid JSON" + where(e) + ": " + why + hint;
    }

    /** " at line 1, column 17 (in "x")", as far as the parser knows. */
    private static String where(JsonProcessingException e) {
        StringBuilder at = new StringBuilder();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            at.append(" at line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            if (pointer.length() > 1) {
                String field = pointer.substring(1).split("/", 2)[0];
                at.append(" (in \"").append(field.replace("~1", "/").replace("~0", "~")).append("\")");
            }
        }
        return at.toString();
    }
}
