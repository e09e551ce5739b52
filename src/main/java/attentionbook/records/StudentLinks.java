package attentionbook.records;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Personal links without accounts: a student's token is their id, a dot, and the HMAC-SHA256 of the
 * id under the instructor key in base64url without padding ({@code s-042.9TNQ…}), so it can be
 * neither guessed nor forged, and it needs no escaping in a URL or a cookie.
 */
public final class StudentLinks {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public StudentLinks(String instructorKey) {
        if (instructorKey == null || instructorKey.isEmpty()) {
            throw new IllegalArgumentException("student links need an instructor key to sign with");
        }
        this.key = new SecretKeySpec(instructorKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The URL-safe token that names this student in their link. */
    public String token(String studentId) {
        if (studentId == null || !Roster.ID.matcher(studentId).matches()) {
            throw new IllegalArgumentException("not a roster id: " + studentId);
        }
        return studentId + "." + mac(studentId);
    }

    /** The student a token names, or empty when it was not signed with this key. */
    public Optional<String> studentOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        // the MAC's alphabet has no dot, so the last dot ends the id even when the id holds dots
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        if (!Roster.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        // comparing the canonical encoding rejects padded or otherwise re-encoded MACs as well;
        // MessageDigest.isEqual takes the same time wherever the first difference is
        byte[] expected = mac(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
    }

    private String mac(String id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe: one per call
            mac.init(key);
            byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
