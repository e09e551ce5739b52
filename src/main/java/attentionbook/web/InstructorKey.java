package attentionbook.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The course's instructor key, when its course file sets one: answer keys and worked solutions are
 * then shown only to a request carrying it, as {@code ?key=...} or an {@code X-Instructor-Key}
 * header. Without a configured key everything is open, as on a learner's own copy of the book.
 */
public record InstructorKey(String key) {
    static final String HEADER = "X-Instructor-Key";

    public static InstructorKey none() {
        return new InstructorKey(null);
    }

    boolean locks() {
        return key != null;
    }

    /** True only when the course has a key and the request carries it: an instructor, not just anyone. */
    boolean identifies(Context ctx) {
        return locks() && unlocks(ctx);
    }

    /** True when nothing is locked or the request carries the key (compared in constant time). */
    boolean unlocks(Context ctx) {
        if (key == null) {
            return true;
        }
        String given = ctx.header(HEADER);
        if (given == null) {
            given = ctx.queryParam("key");
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }
}
