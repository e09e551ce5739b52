package attentionbook.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one way an API endpoint reads its body: at most a size limit of bytes (413 beyond it), not empty,
 * valid JSON (see {@link JsonTree} for what that refuses and how it says so), and a JSON object, since
 * every body the API takes is one. Each refusal is a {@link RejectedRequest} whose message starts the same
 * way on every endpoint; the endpoint only adds an example of its own body.
 *
 * <p>The body is read here rather than through {@code ctx.body()}: Javalin enforces
 * {@code cfg.http.maxRequestSize} only inside {@code body()}, by counting bytes as it reads them. Reading
 * the stream ourselves lets a body that announces its size be refused before it is read, with that size.
 */
final class JsonBody {
    /**
     * The limit of every JSON API: every matrix of /api/attention at its limit (a 64-wide layer, the lab's
     * widest), each double written in full, is about 370 KiB; this leaves a third more for spacing.
     */
    static final int MAX_BYTES = 512 * 1024;
    /** The most of a too-large body read only to be dropped (see {@link #discardRest}). */
    private static final long DISCARD_BYTES = 4L * 1024 * 1024;

    private JsonBody() {
    }

    /** The body as a JSON object, at most {@link #MAX_BYTES}; {@code example} is a body this endpoint accepts. */
    static ObjectNode object(Context ctx, String example) {
        return object(ctx, MAX_BYTES, example);
    }

    /** As {@link #object(Context, String)} with a stricter limit, for an endpoint whose bodies are all small. */
    static ObjectNode object(Context ctx, int maxBytes, String example) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            discardRest(ctx, declared);
            throw new RejectedRequest(413, "the body is " + declared + " bytes but the API accepts at most " + maxBytes
                    + " bytes (" + maxBytes / 1024 + " KiB) in one request");
        }
        byte[] bytes = readAtMost(ctx, declared, maxBytes);
        if (isBlank(bytes)) {
            throw RejectedRequest.badRequest("the body is empty: send a JSON object such as " + example);
        }
        JsonNode body = JsonTree.parse(bytes, ctx.contentType());
        if (!body.isObject()) {
            throw RejectedRequest.badRequest("the body must be a JSON object such as " + example);
        }
        return (ObjectNode) body;
    }

    /** @param declared the length the request announced (at most maxBytes), or -1: the buffers are sized to it */
    private static byte[] readAtMost(Context ctx, long declared, int maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared >= 0 ? (int) declared : 1024);
            byte[] buffer = new byte[declared >= 0 ? (int) Math.min(declared + 1, 8192) : 8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    discard(in);
                    throw new RejectedRequest(413, "the body is more than " + maxBytes + " bytes (" + maxBytes / 1024
                            + " KiB), the most the API accepts in one request");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw RejectedRequest.badRequest("the body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and drops the rest of a refused body, up to {@link #DISCARD_BYTES}: a client still sending it
     * then reads the 413 instead of a connection reset (the server closes a connection whose body is unread).
     */
    private static void discardRest(Context ctx, long declared) {
        if (declared <= DISCARD_BYTES) {
            try (InputStream in = ctx.bodyInputStream()) {
                discard(in);
            } catch (IOException e) {
                // the client went away: there is no one to answer
            }
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DISCARD_BYTES;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= n;
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
}
