package attentionbook.records;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The class records over plain JDBC, the same SQL on H2 and PostgreSQL. Each write is one transaction
 * that has committed when the method returns; every storage failure becomes {@link RecordsUnavailable}.
 */
final class SqlRecords implements ClassRecords {
    private static final String COLUMNS = "student_id, exercise, seed, at, correct, mistake, hints_viewed, solution_viewed";

    private static final int RETRIES = 5;
    /** How long close() waits for the work under way: well within a service manager's stop timeout. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final DataSource pool;
    private final Runnable closer;
    private final String where;
    private final int migrationsApplied;
    private final AtomicInteger inFlight = new AtomicInteger();
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
        transaction("written", true, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, studentId);
                s.setString(2, exercise);
                s.setLong(3, seed);
                s.setInt(4, step);
                s.setBoolean(5, solution);
                s.setObject(6, utc(time));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Attempt record(Attempt a) {
        Objects.requireNonNull(a.studentId(), "the attempt's student");
        Objects.requireNonNull(a.exercise(), "the attempt's exercise");
        Objects.requireNonNull(a.time(), "the attempt's time");
        // both databases keep microseconds: what is returned is what a read gives back
        Instant time = a.time().truncatedTo(ChronoUnit.MICROS);
        return transaction("written", true, c -> {
            int hints;
            boolean solution;
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(hint_step), 0),"
                    + " COUNT(CASE WHEN solution THEN 1 END) FROM views WHERE student_id = ? AND exercise = ? AND seed = ?")) {
                s.setString(1, a.studentId());
                s.setString(2, a.exercise());
                s.setLong(3, a.seed());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    hints = r.getInt(1);
                    solution = r.getLong(2) > 0;
                }
            }
            Attempt stored = new Attempt(a.studentId(), a.exercise(), a.seed(), time, a.correct(), a.mistake(), hints, solution);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO attempts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            Totals.add(c, stored);
            return stored;
        });
    }

    @Override
    public void eachAttempt(Consumer<Attempt> each) {
        transaction("read", false, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM attempts ORDER BY id")) {
                // PostgreSQL streams a result set in fetch-size pieces only inside a transaction, as here
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        each.accept(attempt(r));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<Attempt> history(String studentId) {
        return list("SELECT " + COLUMNS + " FROM attempts WHERE student_id = ? ORDER BY id", studentId, SqlRecords::attempt);
    }

    @Override
    public List<Progress> progress() {
        return list("SELECT student_id, exercise, attempts, solved FROM progress_totals ORDER BY student_id, exercise", null,
                r -> new Progress(r.getString(1), r.getString(2), r.getInt(3), r.getBoolean(4)));
    }

    @Override
    public List<MistakeCount> mistakes() {
        return list("SELECT exercise, mistake, n FROM mistake_totals ORDER BY exercise, n DESC, mistake", null,
                r -> new MistakeCount(r.getString(1), r.getString(2), r.getInt(3)));
    }

    private interface Row<T> {
        T of(ResultSet r) throws SQLException;
    }

    /** The rows of a query with at most one string parameter (none when {@code parameter} is null). */
    private <T> List<T> list(String sql, String parameter, Row<T> row) {
        return transaction("read", true, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (parameter != null) {
                    s.setString(1, parameter);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(row.of(r));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int deleteStudent(String studentId) {
        return transaction("written", true, c -> {
            Totals.remove(c, studentId);
            try (PreparedStatement views = c.prepareStatement("DELETE FROM views WHERE student_id = ?");
                 PreparedStatement attempts = c.prepareStatement("DELETE FROM attempts WHERE student_id = ?")) {
                views.setString(1, studentId);
                views.executeUpdate();
                attempts.setString(1, studentId);
                return attempts.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    /**
     * Runs work in one transaction and commits it. Work that failed before its commit was not kept, so
     * it is run again when it may succeed now: two writers collided (both inserting the same new total,
     * a deadlock), or the connection was dead (the pool evicts it; H2 closes its database after a
     * failed disk write and opens it again for the next connection). {@code again} is false for work
     * that hands out rows as it goes, which a second run would hand out twice.
     */
    private <T> T transaction(String what, boolean again, Work<T> work) {
        // counted before the closed flag is read, so that close() either waits for this work or it is refused
        inFlight.incrementAndGet();
        try {
            if (closed) {
                throw new RecordsUnavailable("the class records on " + where + " are closed (the server is stopping)", null);
            }
            for (int attempt = 1; ; attempt++) {
                boolean connected = false;
                boolean committing = false;
                try (Connection c = pool.getConnection()) {
                    connected = true;
                    c.setAutoCommit(false);
                    try {
                        T result = work.in(c);
                        committing = true;
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        rollback(c, e);
                        throw e;
                    }
                } catch (SQLException e) {
                    // no new connection to be had (the pool waited for one already): the database is down
                    boolean retry = collision(e) || (connected && deadConnection(e));
                    if (!again || committing || attempt >= RETRIES || !retry) {
                        throw unavailable(what, e);
                    }
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // a dead connection cannot roll back: the failure that killed it is the news
        }
    }

    /** Unique violation, serialization failure, deadlock (standard SQLSTATEs), and H2's concurrent update. */
    private static boolean collision(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("23505") || state.equals("40001") || state.equals("40P01")
                || state.equals("90131"));
    }

    /**
     * The connection can no longer be used: JDBC's own class for it, a connection SQLSTATE (08...), or
     * PostgreSQL's server shutting down or ending the session (57P01 to 57P03).
     */
    static boolean deadConnection(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLNonTransientConnectionException || state.startsWith("08") || state.startsWith("57P0");
    }

    /**
     * Refuses new work, lets the work under way finish (a few seconds at most), then closes the pool and
     * with it the database. Safe to call twice and from a shutdown hook: the second call does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closer.run();
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
