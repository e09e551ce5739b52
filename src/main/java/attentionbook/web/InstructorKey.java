package attentionbook.web;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The course's instructor key, when its course file sets one: answer keys, worked solutions and the
 * class's records are then shown only to a request carrying it, in an {@code X-Instructor-Key} header or
 * as the cookie the instructor login sets. Never in the address: a query string lands in proxy logs and
 * browser history. Without a configured key, answers are open, as on a learner's own copy of the book.
 */
public record InstructorKey(String key) {
    static final String HEADER = "X-Instructor-Key";
    static final String COOKIE = "instructor";
    /** What the cookie signs: the cookie proves the key was typed without carrying the key itself. */
    private static final String SESSION_LABEL = "attention-textbook instructor session v1";

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

    /** True when nothing is locked, or the request carries the key or the login cookie (compared in constant time). */
    boolean unlocks(Context ctx) {
        if (key == null) {
            return true;
        }
        String given = ctx.header(HEADER);
        if (given != null) {
            return matches(given);
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && same(cookie, sessionToken());
    }

    /** True when {@code typed} is this course's key. */
    boolean matches(String typed) {
        return key != null && typed != null && same(typed, key);
    }

    /** The login cookie's value: an HMAC-SHA256 of a fixed label under the key, so it names no secret. */
    String sessionToken() {
        if (key == null) {
            throw new IllegalStateException("a course without an instructor key has no instructor login");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal(SESSION_LABEL.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
