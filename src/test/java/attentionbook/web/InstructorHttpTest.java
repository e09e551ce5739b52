package attentionbook.web;

import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.Attempt;
import attentionbook.records.ClassRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instructor's pages and CSVs over real HTTP, on a real roster and embedded store with planted checks. */
class InstructorHttpTest {
    static final String ROSTER = "id,name\ns1,Ada Lovelace\ns2,\"Hopper, Grace\"\ns3,\"=HYPERLINK(\"\"x\"\") Bob\"\n";
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path dir;
    ClassroomServer server;
    List<String> multiHead;

    @BeforeEach
    void plant() {
        server = new ClassroomServer(dir, ROSTER, "");
        multiHead = ids(ClassroomServer.CATALOG.chapter("multi-head-attention").orElseThrow());
        ClassRecords records = server.room.records();
        // s1 solves 2 of the chapter's 3 exercises, the second after a diagnosed mistake; s2 fails the first twice
        records.record(attempt("s1", multiHead.get(0), 11, 0, true, null));
        records.record(attempt("s1", multiHead.get(1), 12, 1, false, "sqrt-d-model"));
        records.record(attempt("s1", multiHead.get(1), 12, 2, true, null));
        records.record(attempt("s2", multiHead.get(0), 21, 3, false, "sqrt-d-model"));
        records.record(attempt("s2", multiHead.get(0), 21, 4, false, "sqrt-d-model"));
        records.record(attempt("s2", multiHead.get(1), 22, 5, false, "transposed"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Attempt attempt(String student, String exercise, long seed, int minute, boolean correct, String mistake) {
        return new Attempt(student, exercise, seed, T0.plusSeconds(60L * minute), correct, mistake, 0, false);
    }

    static List<String> ids(ExerciseCatalog.ChapterExercises chapter) {
        return chapter.exercises().stream().map(Declaration::id).toList();
    }

    static final List<String> PAGES = List.of("/instructor", "/instructor/mistakes", "/instructor/students/s1",
            "/instructor/students/s1/delete");
    static final List<String> CSVS = List.of("/instructor/links.csv", "/instructor/gradebook.csv",
            "/instructor/gradebook.csv?layout=canvas", "/instructor/attempts.csv");

    @Test
    void everyInstructorRouteRefusesWithoutTheKey() {
        for (String path : PAGES) {
            for (HttpResponse<String> r : List.of(server.get(path), server.get(path, "X-Instructor-Key", "wrong-key-here"),
                    server.get(path, "Cookie", "instructor=forged"))) {
                assertEquals(403, r.statusCode(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                assertTrue(r.body().contains("<form class=\"instructor-form\" method=\"post\" action=\"/instructor/login\">"), path);
                assertFalse(r.body().contains("Ada Lovelace"), path);
            }
        }
        for (String path : CSVS) {
            HttpResponse<String> r = server.get(path);
            assertEquals(403, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
            assertEquals(1, r.body().strip().lines().count(), r.body());
            assertTrue(r.body().startsWith("this export is for the course's instructor"), r.body());
        }
        assertEquals(403, server.postForm("/instructor/students/s1/delete", "confirm=yes").statusCode());
        assertEquals(3, server.room.records().history("s1").size(), "a refused delete deletes nothing");
    }

    @Test
    void theHeaderOpensEveryRoute() {
        for (String path : PAGES) {
            assertEquals(200, server.asInstructor(path).statusCode(), path);
        }
        for (String path : CSVS) {
            HttpResponse<String> r = server.asInstructor(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), path);
        }
    }

    @Test
    void theFormLoginSetsACookieThatOpensAndLogoutClearsIt() {
        HttpResponse<String> wrong = server.postForm("/instructor/login", "key=not-the-key&next=%2Finstructor");
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("That is not this course's instructor key."), wrong.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> in = server.postForm("/instructor/login", "key=" + ClassroomServer.KEY + "&next=%2Finstructor%2Fmistakes");
        assertEquals(303, in.statusCode());
        assertEquals("/instructor/mistakes", in.headers().firstValue("Location").orElse(""));
        String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains(ClassroomServer.KEY), "the cookie does not carry the key itself: " + setCookie);
        String cookie = setCookie.split(";")[0];

        HttpResponse<String> dashboard = server.get("/instructor", "Cookie", cookie);
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Ada Lovelace"));
        assertEquals(200, server.get("/instructor/gradebook.csv", "Cookie", cookie).statusCode());
        assertEquals(200, server.get("/worksheets/input-shapes/answers?seed=3", "Cookie", cookie).statusCode(),
                "the cookie unlocks what the key unlocks");
        assertEquals(200, server.get("/api/exercises/pipeline-shapes/solution?seed=3", "Cookie", cookie).statusCode());

        HttpResponse<String> out = server.postForm("/instructor/logout", "", "Cookie", cookie);
        assertEquals(303, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("instructor=;") && cleared.contains("Max-Age=0"), cleared);

        HttpResponse<String> hurried = server.postForm("/instructor/login", "key=another-guess");
        assertEquals(429, hurried.statusCode(), "a third try within the second waits: keys are not guessed by the thousand");
        assertTrue(hurried.body().contains("Too many tries at once: wait 1 second"), hurried.body());
        sleep(1100);
        assertEquals("/instructor", server.postForm("/instructor/login", "key=" + ClassroomServer.KEY + "&next=https%3A%2F%2Fevil.example%2F")
                .headers().firstValue("Location").orElse(""), "a login never sends the browser to another site");
    }

    @Test
    void theGradebookHoldsEachChaptersCompletion() throws IOException {
        List<List<String>> rows = csv(server.asInstructor("/instructor/gradebook.csv").body());
        List<ExerciseCatalog.ChapterExercises> chapters = ClassroomServer.CATALOG.chapters();
        List<String> header = new ArrayList<>(List.of("id", "name"));
        chapters.forEach(c -> header.add(c.chapter().title()));
        assertEquals(header, rows.get(0));
        assertEquals(4, rows.size(), "a header and one row per roster student");
        int column = 2 + chapters.indexOf(ClassroomServer.CATALOG.chapter("multi-head-attention").orElseThrow());
        assertEquals(3, multiHead.size());
        assertEquals(List.of("s1", "Ada Lovelace"), rows.get(1).subList(0, 2));
        assertEquals("67", rows.get(1).get(column), "2 of 3 solved");
        assertEquals(List.of("s2", "Hopper, Grace"), rows.get(2).subList(0, 2), "a name with a comma comes back whole");
        assertEquals("0", rows.get(2).get(column), "attempted is not solved");
        assertEquals("'=HYPERLINK(\"x\") Bob", rows.get(3).get(1), "a formula is defused");
        for (int i = 2; i < header.size(); i++) {
            if (i != column) {
                assertEquals("0", rows.get(1).get(i), header.get(i));
            }
        }

        List<List<String>> canvas = csv(server.asInstructor("/instructor/gradebook.csv?layout=canvas").body());
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"), canvas.get(0).subList(0, 5));
        assertEquals(header.subList(2, header.size()), canvas.get(0).subList(5, canvas.get(0).size()));
        assertEquals(List.of("Ada Lovelace", "", "s1", "", ""), canvas.get(1).subList(0, 5));
        assertEquals("67", canvas.get(1).get(column + 3));

        List<List<String>> moodle = csv(server.asInstructor("/instructor/gradebook.csv?layout=moodle").body());
        assertEquals(List.of("ID number", "Full name"), moodle.get(0).subList(0, 2));
        assertEquals(List.of("s1", "Ada Lovelace", "67"), List.of(moodle.get(1).get(0), moodle.get(1).get(1), moodle.get(1).get(column)));

        HttpResponse<String> bad = server.asInstructor("/instructor/gradebook.csv?layout=blackboard");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().startsWith("layout must be canvas, moodle"), bad.body());
    }

    @Test
    void theAttemptsCsvHasOneRowPerCheck() {
        String body = server.asInstructor("/instructor/attempts.csv").body();
        String a = multiHead.get(0);
        String b = multiHead.get(1);
        assertEquals(String.join("\r\n",
                "student_id,exercise,seed,time,correct,mistake",
                "s1," + a + ",11,2026-01-05T10:00:00Z,true,",
                "s1," + b + ",12,2026-01-05T10:01:00Z,false,sqrt-d-model",
                "s1," + b + ",12,2026-01-05T10:02:00Z,true,",
                "s2," + a + ",21,2026-01-05T10:03:00Z,false,sqrt-d-model",
                "s2," + a + ",21,2026-01-05T10:04:00Z,false,sqrt-d-model",
                "s2," + b + ",22,2026-01-05T10:05:00Z,false,transposed") + "\r\n", body);
    }

    @Test
    void theLinksCsvHoldsEachStudentsSignedLink() throws IOException {
        List<List<String>> rows = csv(server.asInstructor("/instructor/links.csv").body());
        assertEquals(List.of("id", "name", "link"), rows.get(0));
        assertEquals(List.of("s1", "s2", "s3"), rows.subList(1, 4).stream().map(r -> r.get(0)).toList());
        String origin = server.url("");
        for (List<String> row : rows.subList(1, rows.size())) {
            String link = row.get(2);
            assertTrue(link.startsWith(origin + "/s/"), link);
            assertEquals(row.get(0), server.room.links().studentOf(link.substring((origin + "/s/").length())).orElseThrow());
        }
        assertEquals("Hopper, Grace", rows.get(2).get(1));
        HttpResponse<String> forwarded = server.get("/instructor/links.csv", "X-Instructor-Key", ClassroomServer.KEY,
                "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https");
        assertFalse(forwarded.body().contains("evil.example"), "forwarded headers are believed only with --trust-proxy");
    }

    @Test
    void deletingAStudentRemovesOnlyTheirRecords() {
        HttpResponse<String> ask = server.postForm("/instructor/students/s1/delete", "", "X-Instructor-Key", ClassroomServer.KEY);
        assertEquals(200, ask.statusCode());
        assertTrue(ask.body().contains("Yes, delete them"), "the first press asks to confirm");
        assertEquals(3, server.room.records().history("s1").size());

        HttpResponse<String> done = server.postForm("/instructor/students/s1/delete", "confirm=yes", "X-Instructor-Key", ClassroomServer.KEY);
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("Deleted 3 records of Ada Lovelace."), done.body());
        assertEquals(0, server.room.records().history("s1").size());
        assertEquals(3, server.room.records().history("s2").size(), "another student's records stay");
    }

    @Test
    void theMistakesAreCountedPerExerciseAndChapter() {
        String report = server.asInstructor("/instructor/mistakes").body();
        assertTrue(report.contains("<li data-mistake=\"sqrt-d-model\"><code>sqrt-d-model</code> in <em>"), report);
        Matcher counts = Pattern.compile("data-mistake=\"([a-z-]+)\">.*?<span class=\"mistake-count\">(\\d+)</span>").matcher(report);
        List<String> found = new ArrayList<>();
        while (counts.find()) {
            found.add(counts.group(1) + "=" + counts.group(2));
        }
        assertEquals(List.of("sqrt-d-model=2", "sqrt-d-model=1", "transposed=1"), found, "most frequent first");
    }

    @Test
    void theDashboardShowsEachCellSortsAndFilters() {
        String page = server.asInstructor("/instructor?chapter=multi-head-attention&sort=solved").body();
        List<String> order = new ArrayList<>();
        Matcher rows = Pattern.compile("<tr data-student=\"([^\"]+)\">(.*?)</tr>").matcher(page);
        List<String> s2Cells = null;
        while (rows.find()) {
            order.add(rows.group(1));
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td class=\"progress-cell progress-([a-z-]+)\" title=\"([^\"]+)\">([^<]+)<").matcher(rows.group(2));
            while (cell.find()) {
                cells.add(cell.group(1) + "|" + cell.group(3));
            }
            assertEquals(3, cells.size(), "the chapter's three exercises only");
            if (rows.group(1).equals("s1")) {
                assertEquals(List.of("solved|✓ 1", "solved|✓ 2", "not-started|–"), cells);
            }
            if (rows.group(1).equals("s2")) {
                s2Cells = cells;
            }
        }
        assertEquals(List.of("attempted|✗ 2", "attempted|✗ 1", "not-started|–"), s2Cells);
        assertEquals("s1", order.get(0), "most solved first");
        assertEquals(List.of("s3", "s1", "s2"), server.asInstructor("/instructor?sort=name").body().lines()
                .filter(l -> l.contains("<tr data-student=")).map(l -> l.replaceAll(".*<tr data-student=\"([^\"]+)\".*", "$1")).toList(),
                "by name: =HYPERLINK (= sorts before letters), Ada, Hopper");
        assertTrue(page.contains("<span class=\"dashboard-solved-count\">1</span> of 3 solved."), "s1 alone solved the first");
        assertEquals(400, server.asInstructor("/instructor?chapter=no-such").statusCode());
        assertEquals(400, server.asInstructor("/instructor?sort=shoe-size").statusCode());
    }

    @Test
    void anExerciseDeclaredInTwoChaptersCountsOnceInTheSolvedTotal() {
        // the training chapter reviews exercises of earlier chapters: the same id, the same numbers, two columns
        String twice = ClassroomServer.CATALOG.chapters().stream().flatMap(c -> ids(c).stream())
                .filter(id -> ClassroomServer.CATALOG.chapters().stream().filter(c -> ids(c).contains(id)).count() == 2)
                .findFirst().orElseThrow();
        server.room.records().record(attempt("s3", twice, 31, 6, true, null));
        String page = server.asInstructor("/instructor").body();
        List<String> columns = ClassroomServer.CATALOG.chapters().stream().flatMap(c -> ids(c).stream()).toList();
        long exercises = columns.stream().distinct().count();
        assertTrue(exercises < columns.size());
        assertTrue(page.contains("<caption>3 students × " + exercises + " exercises in " + columns.size() + " columns"),
                "the caption counts exercises, not columns: " + page.replaceAll("(?s).*(<caption>.*?</caption>).*", "$1"));
        Matcher row = Pattern.compile("<tr data-student=\"s3\">(.*?)</tr>").matcher(page);
        assertTrue(row.find());
        assertEquals(2, Pattern.compile("progress-solved").matcher(row.group(1)).results().count(), "solved in both its chapters");
        assertTrue(row.group(1).contains("<td class=\"dashboard-solved\">1</td>"), "one exercise solved: " + row.group(1));
        // its two headers say which chapter each column is; a column of one chapter alone names none
        List<String> chapters = ClassroomServer.CATALOG.chapters().stream().filter(c -> ids(c).contains(twice))
                .map(c -> c.chapter().title()).toList();
        Matcher headers = Pattern.compile("data-column=\"" + Pattern.quote(twice) + "\">(.*?)</th>").matcher(page);
        for (String chapter : chapters) {
            assertTrue(headers.find(), "a header for each chapter of " + twice);
            assertTrue(headers.group(1).contains("<span class=\"dashboard-exercise-chapter\">in " + chapter.replace("'", "&#39;") + "</span>"),
                    "the header names " + chapter + ": " + headers.group(1));
        }
        // every shared exercise here has two columns: those headers, and no other, name their chapter
        assertEquals(2 * (columns.size() - exercises), Pattern.compile("dashboard-exercise-chapter\">").matcher(page).results().count(),
                "only shared exercises' headers name a chapter");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<List<String>> csv(String text) {
        return attentionbook.CsvText.rows(text);
    }
}
