package attentionbook.records;

import java.util.Optional;

/**
 * Personal links without accounts: a student's token is their id signed with the instructor key
 * (HMAC-SHA256), so it can be neither guessed nor forged. Contract only: the rec branch signs.
 */
public final class StudentLinks {

    public StudentLinks(String instructorKey) {
    }

    /** The URL-safe token that names this student in their link. */
    public String token(String studentId) {
        throw new UnsupportedOperationException("signing lands with the rec branch");
    }

    /** The student a token names, or empty when it was not signed with this key. */
    public Optional<String> studentOf(String token) {
        throw new UnsupportedOperationException("signing lands with the rec branch");
    }
}
