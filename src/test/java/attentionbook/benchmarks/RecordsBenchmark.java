package attentionbook.benchmarks;

import attentionbook.records.Attempt;
import attentionbook.records.ClassRecords;
import attentionbook.records.MistakeCount;
import attentionbook.records.Progress;
import attentionbook.records.RecordStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the instructor dashboard asks of the embedded store at a large course's size: 500 students ×
 * 50 exercises × 20 checks (500,000 rows), read as {@code progress()} and {@code mistakes()}. The data
 * is written once into {@code target/records-benchmark} and reused by later runs. How to run it:
 * README.md next to this file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RecordsBenchmark {
    static final int STUDENTS = 500;
    static final int EXERCISES = 50;
    static final int CHECKS = 20;
    static final Path DATA = Path.of("target", "records-benchmark");
    /** The exercise of the checks written while measuring; removed before the next run. */
    static final String LIVE = "ch01-live";

    private ClassRecords records;
    private long checks;

    @Setup
    public void open() throws SQLException {
        fillOnce(DATA);
        records = RecordStores.open(null, DATA);
    }

    /**
     * One new check before each read, as in a class at work. It also keeps the reads honest: H2 hands a
     * re-run query its previous result while no table has changed since.
     */
    @Setup(Level.Invocation)
    public void aStudentChecks() {
        checks++;
        records.record(new Attempt(String.format("s-%03d", checks % STUDENTS), LIVE, checks, Instant.now(), false, "mistake-0", 0, false));
    }

    @TearDown
    public void close() {
        records.close();
    }

    @Benchmark
    public int dashboard() {
        List<Progress> progress = records.progress();
        List<MistakeCount> mistakes = records.mistakes();
        return progress.size() + mistakes.size();
    }

    @Benchmark
    public int progress() {
        return records.progress().size();
    }

    @Benchmark
    public int mistakes() {
        return records.mistakes().size();
    }

    /** One check recorded: its view lookup, the insert, both totals and the commit written to the file. */
    @Benchmark
    public Attempt check() {
        checks++;
        return records.record(new Attempt(String.format("s-%03d", checks % STUDENTS), LIVE, checks, Instant.now(), false,
                "mistake-1", 0, false));
    }

    /** Writes the 500,000 checks in batches, unless an earlier run has left them there. */
    static void fillOnce(Path dir) throws SQLException {
        RecordStores.open(null, dir).close(); // creates the folder and the schema
        try (Connection c = DriverManager.getConnection(RecordStores.embeddedUrl(dir), "sa", "")) {
            try (Statement s = c.createStatement()) {
                for (String table : List.of("attempts", "progress_totals", "mistake_totals")) {
                    s.execute("DELETE FROM " + table + " WHERE exercise = '" + LIVE + "'");
                }
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM attempts");
                r.next();
                if (r.getLong(1) == (long) STUDENTS * EXERCISES * CHECKS) {
                    return;
                }
                s.execute("DELETE FROM attempts");
                s.execute("DELETE FROM progress_totals");
                s.execute("DELETE FROM mistake_totals");
            }
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(17);
            LocalDateTime start = LocalDateTime.of(2026, 9, 1, 9, 0);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO attempts (student_id, exercise, seed, at,"
                    + " correct, mistake, hints_viewed, solution_viewed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int s = 0; s < STUDENTS; s++) {
                    for (int e = 0; e < EXERCISES; e++) {
                        for (int k = 0; k < CHECKS; k++) {
                            boolean correct = random.nextInt(4) == 0;
                            insert.setString(1, String.format("s-%03d", s));
                            insert.setString(2, String.format("ch%02d-exercise-%d", e / 5 + 1, e % 5 + 1));
                            insert.setLong(3, s);
                            insert.setObject(4, start.plusMinutes((long) e * 1000 + k * 7L + s));
                            insert.setBoolean(5, correct);
                            // six diagnosable mistakes an exercise, one wrong answer in five not recognised
                            insert.setString(6, correct || random.nextInt(5) == 0 ? null : "mistake-" + random.nextInt(6));
                            insert.setInt(7, random.nextInt(3));
                            insert.setBoolean(8, random.nextInt(10) == 0);
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            // the totals the store keeps check by check, made here in one go as the migration does
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO progress_totals (student_id, exercise, attempts, solved) SELECT student_id, exercise,"
                        + " COUNT(*), MAX(CASE WHEN correct THEN 1 ELSE 0 END) = 1 FROM attempts GROUP BY student_id, exercise");
                s.execute("INSERT INTO mistake_totals (exercise, mistake, n) SELECT exercise, mistake, COUNT(*) FROM attempts"
                        + " WHERE mistake IS NOT NULL GROUP BY exercise, mistake");
            }
            c.commit();
        }
        if (!Files.isRegularFile(dir.resolve("records.mv.db"))) {
            throw new IllegalStateException("the benchmark's database was not written under " + dir);
        }
    }

    /** Runs this benchmark; JMH command-line options (e.g. -f 1 -wi 1 -i 3) may be passed as arguments. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(RecordsBenchmark.class.getName()).build()).run();
    }
}
