package attentionbook.benchmarks;

import attentionbook.App;
import attentionbook.book.Book;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.Roster;
import attentionbook.records.StudentLinks;
import attentionbook.web.Assets;
import attentionbook.web.Classroom;
import attentionbook.web.ExerciseDirective;
import attentionbook.web.InstructorKey;
import attentionbook.web.InstructorRoutes;
import attentionbook.web.Pages;
import attentionbook.web.SeedPolicy;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The instructor dashboard at a large course's size: 500 students × 50 exercises × 20 checks each
 * (500,000 recorded checks) on the embedded H2 store. Set-up fills the store once with batched inserts;
 * each measured call runs the dashboard's query, builds its model and renders its template, as
 * {@code GET /instructor} does (the network aside). The target is under 300 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class DashboardBenchmark {
    static final int STUDENTS = 500;
    static final int EXERCISES = 50;
    static final int CHECKS = 20;
    static final String[] MISTAKES = {"sqrt-d-model", "transposed", "no-scale", "row-not-column"};

    private Path dir;
    private ClassRecords records;
    private InstructorRoutes routes;

    @Setup(Level.Trial)
    public void fill() throws IOException, SQLException {
        dir = Files.createTempDirectory("dashboard-benchmark");
        Book book = App.loadBundledBook();
        ExerciseCatalog catalog = fiftyExercises(ExerciseDirective.catalog(book));
        List<String> exercises = catalog.all().stream().map(Declaration::id).toList();

        StringBuilder roster = new StringBuilder("id,name\n");
        for (int s = 0; s < STUDENTS; s++) {
            roster.append("s").append(s).append(",Student number ").append(s).append('\n');
        }
        Path rosterFile = Files.writeString(dir.resolve("roster.csv"), roster);
        RecordStores.open(null, dir).close();   // creates the schema
        fill(dir, exercises);
        records = RecordStores.open(null, dir);
        Pages pages = new Pages(book, Assets.load(), "", null, null, new SeedPolicy("open", 0));
        routes = new InstructorRoutes(catalog, pages, new InstructorKey("benchmark-key"),
                new Classroom(Roster.read(rosterFile), new StudentLinks("benchmark-key"), records), false);
    }

    /** The bundled book's exercises, repeated under new ids until there are 50, five a chapter. */
    static ExerciseCatalog fiftyExercises(ExerciseCatalog bundled) {
        List<Declaration> all = bundled.all();
        ExerciseCatalog catalog = new ExerciseCatalog();
        for (int c = 0; c < EXERCISES / 5; c++) {
            List<Declaration> chapter = new ArrayList<>();
            for (int e = 0; e < 5; e++) {
                Declaration d = all.get((c * 5 + e) % all.size());
                chapter.add(new Declaration(d.id() + "-" + (c * 5 + e), d.kind(), d.settings()));
            }
            catalog.add("chapter-" + c, "Chapter " + c, true, chapter);
        }
        return catalog;
    }

    /** 20 checks per student and exercise, the last of them right for about two exercises in three. */
    private static void fill(Path dir, List<String> exercises) throws SQLException {
        Random random = new Random(17);
        LocalDateTime start = LocalDateTime.of(2026, 9, 1, 9, 0);
        try (Connection db = DriverManager.getConnection(RecordStores.embeddedUrl(dir), "sa", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO attempts (student_id, exercise, seed, at, correct,"
                    + " mistake, hints_viewed, solution_viewed) VALUES (?, ?, ?, ?, ?, ?, 0, FALSE)")) {
                int n = 0;
                for (int s = 0; s < STUDENTS; s++) {
                    for (String exercise : exercises) {
                        boolean solves = random.nextInt(3) < 2;
                        for (int c = 0; c < CHECKS; c++) {
                            boolean correct = solves && c == CHECKS - 1;
                            insert.setString(1, "s" + s);
                            insert.setString(2, exercise);
                            insert.setLong(3, s * 1000L + c);
                            insert.setTimestamp(4, Timestamp.valueOf(start.plusMinutes(n)));
                            insert.setBoolean(5, correct);
                            insert.setString(6, correct || random.nextBoolean() ? null : MISTAKES[random.nextInt(MISTAKES.length)]);
                            insert.addBatch();
                            if (++n % 10_000 == 0) {
                                insert.executeBatch();
                                db.commit();
                            }
                        }
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
    }

    @Benchmark
    public String dashboard() {
        return routes.dashboardHtml("http://localhost:7070", "", "name");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        records.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[]{DashboardBenchmark.class.getSimpleName()});
    }
}
