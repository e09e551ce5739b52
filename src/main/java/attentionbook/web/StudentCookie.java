package attentionbook.web;

import attentionbook.records.Student;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Optional;

/**
 * The cookie that remembers a linked student in one browser. It holds the signed token of their link,
 * never a bare id, and the token is verified on every request (a student dropped from the roster is no
 * longer anyone). HttpOnly so no script reads it; SameSite=Lax so another site's form cannot check
 * answers in a student's name; Secure whenever the page came over https.
 */
final class StudentCookie {
    static final String NAME = "attentionbook-student";
    /** A course's term, and some: the link can be opened again at any time. */
    static final Duration LIFETIME = Duration.ofDays(200);
    /** A signed token is short; a longer cookie value is not one of ours. */
    private static final int MAX_TOKEN = 512;

    private StudentCookie() {
    }

    /** The roster student whose valid token this request carries, if any. */
    static Optional<Student> student(Context ctx, Classroom classroom) {
        if (classroom == null) {
            return Optional.empty();
        }
        String token = ctx.cookie(NAME);
        return token == null ? Optional.empty() : studentOf(token, classroom);
    }

    /** The roster student a link's token names, when it was signed with this course's key. */
    static Optional<Student> studentOf(String token, Classroom classroom) {
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return classroom.links().studentOf(token).flatMap(id -> classroom.roster().find(id));
    }

    static void set(Context ctx, String token, ServerSettings settings) {
        ctx.header("Set-Cookie", NAME + "=" + token + attributes(ctx, settings) + "; Max-Age=" + LIFETIME.toSeconds());
    }

    static void clear(Context ctx, ServerSettings settings) {
        ctx.header("Set-Cookie", NAME + "=" + attributes(ctx, settings) + "; Max-Age=0");
    }

    private static String attributes(Context ctx, ServerSettings settings) {
        String path = settings.basePath().isEmpty() ? "/" : settings.basePath();
        return "; Path=" + path + "; HttpOnly; SameSite=Lax" + (Origins.https(ctx, settings.trustProxy()) ? "; Secure" : "");
    }
}
