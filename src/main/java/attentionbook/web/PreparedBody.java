package attentionbook.web;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A response body prepared once: its bytes, a gzip copy when that is smaller, and an ETag.
 * Pages and assets both use it, so nothing is compressed per request.
 */
public record PreparedBody(byte[] identity, byte[] gzip, String contentType, String etag) {

    public static PreparedBody of(byte[] bytes, String contentType) {
        byte[] gz = contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("svg")
                ? gzip(bytes) : null;
        if (gz != null && gz.length >= bytes.length) {
            gz = null;
        }
        String etag = "\"" + HexFormat.of().formatHex(Assets.sha256().digest(bytes)).substring(0, 20) + "\"";
        return new PreparedBody(bytes, gz, contentType, etag);
    }

    public void send(Context ctx, String cacheControl) {
        String accept = ctx.header("Accept-Encoding");
        boolean zipped = gzip != null && accept != null && accept.contains("gzip");
        // Each encoding is its own representation, so each gets its own strong ETag.
        String tag = zipped ? etag.replace("\"", "") : etag;
        tag = zipped ? "\"" + tag + "-gz\"" : tag;
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", tag);
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(contentType);
        String match = ctx.header("If-None-Match");
        if (match != null && (match.contains(tag) || match.strip().equals("*"))) {
            ctx.status(304);
            return;
        }
        byte[] body = zipped ? gzip : identity;
        if (zipped) {
            ctx.header("Content-Encoding", "gzip");
        }
        BookServer.sendWhole(ctx, body);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
