package attentionbook.records;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The class records over plain JDBC, the same SQL on H2 and PostgreSQL. Each write is one transaction
 * that has committed when the method returns; every storage failure becomes {@link RecordsUnavailable}.
 */
final class SqlRecords implements ClassRecords {
    private static final String COLUMNS = "student_id, exercise, seed, at, correct, mistake, hints_viewed, solution_viewed";

    private final DataSource pool;
    private final Runnable closer;
    private final String where;
    private final int migrationsApplied;
    private volatile boolean closed;

    /**
     * @param where  names the database in error messages (never with a password)
     * @param closer releases the pool and the database; called once
     */
    SqlRecords(DataSource pool, Runnable closer, String where, int migrationsApplied) {
        this.pool = pool;
        this.closer = closer;
        this.where = where;
        this.migrationsApplied = migrationsApplied;
    }

    /** How many migrations ran when this store opened (0 when the schema was already current). */
    int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public void hintViewed(String studentId, String exercise, long seed, int step, Instant time) {
        if (step < 1) {
            throw new IllegalArgumentException("hint steps count from 1, not " + step);
        }
        noteView(studentId, exercise, seed, step, false, time);
    }

    @Override
    public void solutionViewed(String studentId, String exercise, long seed, Instant time) {
        noteView(studentId, exercise, seed, 0, true, time);
    }

    private void noteView(String studentId, String exercise, long seed, int step, boolean solution, Instant time) {
        String sql = "INSERT INTO views (student_id, exercise, seed, hint_step, solution, at) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, studentId);
            s.setString(2, exercise);
            s.setLong(3, seed);
            s.setInt(4, step);
            s.setBoolean(5, solution);
            s.setObject(6, utc(time));
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("written", e);
        }
    }

    @Override
    public Attempt record(Attempt a) {
        String seen = "SELECT COALESCE(MAX(hint_step), 0), COUNT(CASE WHEN solution THEN 1 END) FROM views"
                + " WHERE student_id = ? AND exercise = ? AND seed = ?";
        String insert = "INSERT INTO attempts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                int hints;
                boolean solution;
                try (PreparedStatement s = c.prepareStatement(seen)) {
                    s.setString(1, a.studentId());
                    s.setString(2, a.exercise());
                    s.setLong(3, a.seed());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        hints = r.getInt(1);
                        solution = r.getLong(2) > 0;
                    }
                }
                // both databases keep microseconds: what is returned is what a read gives back
                Attempt stored = new Attempt(a.studentId(), a.exercise(), a.seed(), a.time().truncatedTo(ChronoUnit.MICROS),
                        a.correct(), a.mistake(), hints, solution);
                try (PreparedStatement s = c.prepareStatement(insert)) {
                    s.setString(1, stored.studentId());
                    s.setString(2, stored.exercise());
                    s.setLong(3, stored.seed());
                    s.setObject(4, utc(stored.time()));
                    s.setBoolean(5, stored.correct());
                    s.setString(6, stored.mistake());
                    s.setInt(7, stored.hintsViewed());
                    s.setBoolean(8, stored.solutionViewed());
                    s.executeUpdate();
                }
                c.commit();
                return stored;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("written", e);
        }
    }

    @Override
    public void eachAttempt(Consumer<Attempt> each) {
        try (Connection c = connection()) {
            // PostgreSQL streams a result set in fetch-size pieces only inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM attempts ORDER BY id")) {
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        each.accept(attempt(r));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public List<Attempt> history(String studentId) {
        String sql = "SELECT " + COLUMNS + " FROM attempts WHERE student_id = ? ORDER BY id";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, studentId);
            List<Attempt> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(attempt(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public List<Progress> progress() {
        String sql = "SELECT student_id, exercise, COUNT(*), MAX(CASE WHEN correct THEN 1 ELSE 0 END) FROM attempts"
                + " GROUP BY student_id, exercise ORDER BY student_id, exercise";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            List<Progress> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Progress(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4) == 1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public List<MistakeCount> mistakes() {
        String sql = "SELECT exercise, mistake, COUNT(*) AS n FROM attempts WHERE mistake IS NOT NULL"
                + " GROUP BY exercise, mistake ORDER BY exercise, n DESC, mistake";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            List<MistakeCount> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new MistakeCount(r.getString(1), r.getString(2), r.getInt(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    @Override
    public int deleteStudent(String studentId) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement views = c.prepareStatement("DELETE FROM views WHERE student_id = ?");
                 PreparedStatement attempts = c.prepareStatement("DELETE FROM attempts WHERE student_id = ?")) {
                views.setString(1, studentId);
                views.executeUpdate();
                attempts.setString(1, studentId);
                int gone = attempts.executeUpdate();
                c.commit();
                return gone;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable("written", e);
        }
    }

    /** Safe to call twice and from a shutdown hook: the second call does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closer.run();
    }

    private Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the records are closed (the server is stopping)");
        }
        return pool.getConnection();
    }

    private RecordsUnavailable unavailable(String what, SQLException e) {
        return new RecordsUnavailable("the class records on " + where + " could not be " + what + ": "
                + e.getMessage(), e);
    }

    private static Attempt attempt(ResultSet r) throws SQLException {
        return new Attempt(r.getString(1), r.getString(2), r.getLong(3), instant(r.getObject(4, LocalDateTime.class)),
                r.getBoolean(5), r.getString(6), r.getInt(7), r.getBoolean(8));
    }

    private static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
