package attentionbook.web;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
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
    /** How long a login lasts: a working day. */
    static final Duration SESSION = Duration.ofHours(12);

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

    /** True when nothing is locked, or the request carries the key or a current login cookie (compared in constant time). */
    boolean unlocks(Context ctx) {
        if (key == null) {
            return true;
        }
        String given = ctx.header(HEADER);
        if (given != null) {
            return matches(given);
        }
        return validSession(ctx.cookie(COOKIE), Instant.now().getEpochSecond());
    }

    /** True when {@code typed} is this course's key. */
    boolean matches(String typed) {
        return key != null && typed != null && same(typed, key);
    }

    /**
     * The login cookie's value: when it was issued, and an HMAC-SHA256 under the key of a fixed label and
     * that time. It names no secret, and it lapses after {@link #SESSION}: a cookie copied from a shared
     * computer does not open the records for ever.
     */
    String sessionToken(long issuedSecond) {
        if (key == null) {
            throw new IllegalStateException("a course without an instructor key has no instructor login");
        }
        return issuedSecond + "." + sign(SESSION_LABEL + " " + issuedSecond);
    }

    /** True when the cookie was made by {@link #sessionToken} under this key less than {@link #SESSION} before {@code nowSecond}. */
    boolean validSession(String cookie, long nowSecond) {
        if (key == null || cookie == null) {
            return false;
        }
        int dot = cookie.indexOf('.');
        if (dot < 1 || dot > 19) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(cookie.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        boolean current = issued <= nowSecond + 60 && nowSecond - issued < SESSION.getSeconds();
        return current & same(cookie, sessionToken(issued));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
