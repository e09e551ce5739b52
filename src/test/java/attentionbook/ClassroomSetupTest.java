package attentionbook;

import attentionbook.book.ContentError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A course file's roster: the mistakes that stop start-up, each named at its file and line. */
class ClassroomSetupTest {
    @TempDir
    Path folder;

    private Path course(String text) throws IOException {
        return Files.writeString(folder.resolve("course.yaml"), text);
    }

    private static String failure(Path course, Map<String, String> env) {
        return assertThrows(ContentError.class,
                () -> ClassroomSetup.open(CourseFile.load(course, env), Options.parse(new String[0], Map.of()))).getMessage();
    }

    @Test
    void aRosterNeedsAnInstructorKeyAndTheMessageNamesTheRosterLine() throws IOException {
        Path file = course("title: Attention\nseed_policy: student\nroster: roster.csv\n");
        String message = assertThrows(ContentError.class, () -> CourseFile.load(file, Map.of())).getMessage();
        assertTrue(message.startsWith(file + ":3: a roster needs an instructor key"), message);
        assertTrue(message.contains(CourseFile.KEY_VARIABLE), message);
    }

    @Test
    void theKeyMayComeFromTheEnvironmentAndTheRosterIsFoundBesideTheCourseFile() throws IOException {
        CourseFile course = CourseFile.load(course("roster: class/roster.csv\n"), Map.of(CourseFile.KEY_VARIABLE, "long-enough-key"));
        assertEquals(folder.resolve("class/roster.csv").toAbsolutePath(), course.roster());
        assertEquals(1, course.rosterLine());
        assertNull(CourseFile.load(course("title: x\n"), Map.of()).roster(), "no roster, none");
    }

    @Test
    void aMissingRosterFileIsNamedAtTheCourseFilesLine() throws IOException {
        Path file = course("instructor_key: correct-horse\n\nroster: nobody.csv\n");
        String message = failure(file, Map.of());
        assertTrue(message.startsWith(file + ":3: roster: there is no file " + folder.resolve("nobody.csv").toAbsolutePath()), message);
    }

    @Test
    void aBadRosterLineIsNamedAtTheRostersFileAndLine() throws IOException {
        Path roster = Files.writeString(folder.resolve("roster.csv"), "id,name\ns1,Ada\n,Bob\n");
        String message = failure(course("instructor_key: correct-horse\nroster: roster.csv\n"), Map.of());
        assertTrue(message.startsWith(roster.toAbsolutePath() + ":3: "), message);
        assertTrue(message.contains("id is empty"), message);
        assertEquals(1, message.split(":3: ", -1).length - 1, "file and line once: " + message);
    }

    @Test
    void databaseMustBeAPostgresqlAddressAndItsPasswordIsNeverPrinted() {
        assertEquals("postgresql://u:p@db:5432/course", Options.parse(new String[]{"--database", "postgresql://u:p@db:5432/course"}, Map.of()).database());
        Options.UsageError e = assertThrows(Options.UsageError.class,
                () -> Options.parse(new String[]{"--database=mysql://u:secret@db/course"}, Map.of()));
        assertTrue(e.getMessage().startsWith("--database must be a PostgreSQL address"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
        Options pg = Options.parse(new String[]{"--database", "postgresql://u:secret@db:5432/course"}, Map.of());
        assertEquals("PostgreSQL at postgresql://db:5432/course", ClassroomSetup.where(pg, Path.of("x")));
    }
}
