package attentionbook.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The dashboard's totals (tables progress_totals and mistake_totals), changed inside the transaction
 * that records or deletes attempts, so that they always agree with the attempts. The upserts are
 * standard MERGE, which H2 and PostgreSQL both run; two transactions inserting the same new row at
 * once make one of them fail with a unique violation, and the caller retries it.
 */
final class Totals {
    private static final String COUNT_CHECK = "MERGE INTO progress_totals t"
            + " USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(200)), CAST(? AS BOOLEAN))) AS v (student_id, exercise, correct)"
            + " ON t.student_id = v.student_id AND t.exercise = v.exercise"
            + " WHEN MATCHED THEN UPDATE SET attempts = t.attempts + 1, solved = t.solved OR v.correct"
            + " WHEN NOT MATCHED THEN INSERT (student_id, exercise, attempts, solved) VALUES (v.student_id, v.exercise, 1, v.correct)";
    private static final String COUNT_MISTAKE = "MERGE INTO mistake_totals t"
            + " USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)))) AS v (exercise, mistake)"
            + " ON t.exercise = v.exercise AND t.mistake = v.mistake"
            + " WHEN MATCHED THEN UPDATE SET n = t.n + 1"
            + " WHEN NOT MATCHED THEN INSERT (exercise, mistake, n) VALUES (v.exercise, v.mistake, 1)";
    private static final String STUDENTS_MISTAKES = " FROM attempts a WHERE a.student_id = ?"
            + " AND a.exercise = mistake_totals.exercise AND a.mistake = mistake_totals.mistake";

    private Totals() {
    }

    /** Counts one check (before or after inserting it: the totals do not read the attempts). */
    static void add(Connection c, Attempt a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT_CHECK)) {
            s.setString(1, a.studentId());
            s.setString(2, a.exercise());
            s.setBoolean(3, a.correct());
            s.executeUpdate();
        }
        if (a.mistake() != null) {
            try (PreparedStatement s = c.prepareStatement(COUNT_MISTAKE)) {
                s.setString(1, a.exercise());
                s.setString(2, a.mistake());
                s.executeUpdate();
            }
        }
    }

    /** Takes a student's checks out of the totals; call it before deleting their attempts. */
    static void remove(Connection c, String studentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE mistake_totals SET n = n - (SELECT COUNT(*)" + STUDENTS_MISTAKES
                + ") WHERE EXISTS (SELECT 1" + STUDENTS_MISTAKES + ")")) {
            s.setString(1, studentId);
            s.setString(2, studentId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM mistake_totals WHERE n <= 0")) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM progress_totals WHERE student_id = ?")) {
            s.setString(1, studentId);
            s.executeUpdate();
        }
    }
}
