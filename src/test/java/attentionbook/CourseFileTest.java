package attentionbook;

import attentionbook.book.Book;
import attentionbook.book.BookLoader;
import attentionbook.book.Chapter;
import attentionbook.book.ContentError;
import attentionbook.book.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseFileTest {

    static Path resource(String path) {
        try {
            return Path.of(CourseFileTest.class.getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryKey() {
        CourseFile course = CourseFile.load(resource("/courses/good.yaml"), Map.of());
        assertEquals("CS 4780: Attention", course.title());
        assertEquals("Read **chapters 1 and 2** before Tuesday's lab.", course.welcome());
        assertEquals(List.of("second-step", "first"), course.chapters());
        assertEquals("correct-horse-battery", course.instructorKey());
        assertEquals(CourseFile.SeedPolicy.CLASS, course.seedPolicy());
        assertEquals(2026, course.classSeed());
    }

    @Test
    void jsonWorksToo() {
        CourseFile course = CourseFile.load(resource("/courses/good.json"), Map.of());
        assertEquals(List.of("first"), course.chapters());
        assertEquals(CourseFile.SeedPolicy.STUDENT, course.seedPolicy());
        assertNull(course.instructorKey());
    }

    @Test
    void theEnvironmentVariableKeepsTheKeyOutOfFiles() {
        CourseFile course = CourseFile.load(resource("/courses/good.yaml"), Map.of(CourseFile.KEY_VARIABLE, "from-the-environment"));
        assertEquals("from-the-environment", course.instructorKey());
        assertEquals("from-the-environment", CourseFile.none(Map.of(CourseFile.KEY_VARIABLE, "from-the-environment")).instructorKey());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typo.yaml               | typo.yaml:2: unknown key "chapter" (the keys are chapters, class_seed, instructor_key, roster, seed_policy, title, welcome)
            bad-policy.yaml         | bad-policy.yaml:2: "seed_policy" is open, class or student, not "sometimes"
            class-without-seed.yaml | class-without-seed.yaml:2: seed_policy: class needs a "class_seed"
            bad-yaml.yaml           | bad-yaml.yaml:1: not valid YAML
            short-key.yaml          | short-key.yaml:2: the instructor key must be at least 8 characters long (this one has 5)
            quoted-key.yaml         | quoted-key.yaml:2: the instructor key must be at least 8 characters long
            welcome-mentions-keys.yaml | welcome-mentions-keys.yaml:5: "seed_policy" is open, class or student, not "sometimes"
            item-not-text.json      | item-not-text.json:4: every entry of "chapters" must be a chapter slug, not 7
            class-seed-too-large.yaml | class-seed-too-large.yaml:3: "class_seed" must be a whole number from 0 to 999999999, not 1000000000
            """)
    void mistakesNameTheKeyAndLine(String file, String expected) {
        ContentError e = assertThrows(ContentError.class, () -> CourseFile.load(resource("/courses/" + file), Map.of()));
        String message = e.getMessage().substring(e.getMessage().lastIndexOf('/') + 1);
        assertTrue(message.startsWith(expected.strip()), "expected\n  " + expected + "\nbut got\n  " + message);
    }

    @Test
    void aShortKeyInTheEnvironmentIsTheEnvironmentVariablesMistakeNotTheFiles() {
        Map<String, String> env = Map.of(CourseFile.KEY_VARIABLE, " short ");
        String expected = "the environment variable ATTENTION_INSTRUCTOR_KEY: the instructor key must be at least 8 characters long (this one has 5)";
        assertEquals(expected, assertThrows(ContentError.class, () -> CourseFile.load(resource("/courses/good.yaml"), env)).getMessage());
        assertEquals(expected, assertThrows(ContentError.class, () -> CourseFile.none(env)).getMessage(), "without a course file too");
    }

    @Test
    void chaptersSelectAndOrderTheReadingListAndAnUnknownSlugIsNamedAtItsOwnLine() {
        Book all = new BookLoader(new MarkdownRenderer(Map.of()))
                .load(List.of(new BookLoader.Folder(resource("/books/good"), "good")));
        Book course = App.select(all, CourseFile.load(resource("/courses/good.yaml"), Map.of()));
        assertEquals(List.of("second-step", "first"), course.chapters().stream().map(Chapter::slug).toList());
        ContentError e = assertThrows(ContentError.class,
                () -> App.select(all, CourseFile.load(resource("/courses/unknown-chapter.yaml"), Map.of())));
        assertTrue(e.getMessage().endsWith("unknown-chapter.yaml:4: chapters: no chapter has the slug \"nowhere\" (the chapters are first, second-step)"),
                e.getMessage());
        ContentError twice = assertThrows(ContentError.class,
                () -> App.select(all, CourseFile.load(resource("/courses/listed-twice.yaml"), Map.of())));
        assertTrue(twice.getMessage().endsWith("listed-twice.yaml:3: chapters: \"first\" is listed twice"), twice.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            welcome-unclosed-math.yaml | welcome-unclosed-math.yaml:5: math opened with "$" is never closed
            welcome-broken-link.yaml   | welcome-broken-link.yaml:5: the link to "nowhere" names no chapter
            welcome-exercise.yaml      | welcome-exercise.yaml:5: an exercise belongs in a chapter, not in the welcome
            welcome-leading-blank.yaml | welcome-leading-blank.yaml:4: math opened with "$" is never closed
            """)
    void aMistakeInTheWelcomeNamesItsLineInTheCourseFile(String file, String expected) {
        Options options = Options.parse(new String[]{"--course", resource("/courses/" + file).toString()}, Map.of());
        ContentError e = assertThrows(ContentError.class, () -> App.create(options, Map.of()));
        String message = e.getMessage().substring(e.getMessage().lastIndexOf('/') + 1);
        assertTrue(message.startsWith(expected.strip()), message);
    }
}
