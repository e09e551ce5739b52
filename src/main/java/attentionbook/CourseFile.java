package attentionbook;

import attentionbook.book.Mappers;
import attentionbook.book.ContentError;
import attentionbook.book.NodeLines;
import attentionbook.exercise.Seeds;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An instructor's course file ({@code --course FILE}, YAML or JSON): the course's title and welcome,
 * which chapters in which order, the instructor key that unlocks answer keys, and how exercise seeds
 * are chosen. Every mistake is reported as {@code file:line: what is wrong}.
 *
 * <pre>
 * title: "CS 4780: Attention"
 * welcome: Read chapters 1 to 4 before Tuesday's lab.
 * chapters: [why-attention, input-shapes, queries-keys-values, my-own-chapter]
 * instructor_key: s3cret      # better: the ATTENTION_INSTRUCTOR_KEY environment variable
 * seed_policy: student        # open (default), class or student
 * class_seed: 2026            # with seed_policy: class
 * roster: roster.csv          # the class (id,name), beside this file; needs the instructor key
 * </pre>
 *
 * @param roster     the roster CSV, resolved against the course file's folder (null for none)
 * @param rosterLine the course file's line that names the roster (0 for none)
 */
public record CourseFile(String source, String title, String welcome, int welcomeLine, List<String> chapters,
                         List<Integer> chapterLines, String instructorKey, SeedPolicy seedPolicy, long classSeed,
                         Path roster, int rosterLine) {

    /** How an exercise's numbers are chosen when the page's address names no seed. */
    public enum SeedPolicy {
        /** each learner gets fresh numbers and may ask for new ones */
        OPEN,
        /** the whole class gets the course's one seed */
        CLASS,
        /** each learner gives a name or ID, and the seed is derived from it */
        STUDENT
    }

    public static final String KEY_VARIABLE = "ATTENTION_INSTRUCTOR_KEY";
    static final int MIN_KEY_LENGTH = 8;
    private static final Set<String> KEYS = Set.of("title", "welcome", "chapters", "instructor_key", "seed_policy", "class_seed", "roster");

    /** No course file: the whole book, open seeds, no instructor key unless the environment sets one. */
    public static CourseFile none(Map<String, String> env) {
        return new CourseFile(null, null, null, 0, null, null, keyFromEnvironment(env), SeedPolicy.OPEN, 0, null, 0);
    }

    public static CourseFile load(Path file, Map<String, String> env) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ContentError(source, 0, "cannot read the course file: " + e.getMessage());
        }
        return parse(source, text, env);
    }

    static CourseFile parse(String source, String text, Map<String, String> env) {
        ObjectMapper mapper = source.endsWith(".json") ? Mappers.JSON : Mappers.YAML;
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ContentError(source, line, "not valid " + (mapper == Mappers.JSON ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ContentError(source, 1, "a course file is a list of \"key: value\" lines (keys: " + String.join(", ", sorted()) + ")");
        }
        NodeLines lines = NodeLines.of(mapper, text);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ContentError(source, lines.keyLine(key, 1), "unknown key \"" + key + "\" (the keys are " + String.join(", ", sorted()) + ")");
            }
        }
        String title = text(source, lines, root, "title");
        String welcome = text(source, lines, root, "welcome");
        List<String> chapters = null;
        List<Integer> chapterLines = null;
        if (root.has("chapters")) {
            JsonNode list = root.get("chapters");
            if (!list.isArray() || list.isEmpty()) {
                throw new ContentError(source, lines.keyLine("chapters", 1), "\"chapters\" must be a list of chapter slugs, such as [why-attention, input-shapes]");
            }
            chapters = new ArrayList<>();
            chapterLines = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode slug = list.get(i);
                int line = lines.line("/chapters/" + i, lines.keyLine("chapters", 1));
                if (!slug.isTextual() || slug.asText().isBlank()) {
                    throw new ContentError(source, line, "every entry of \"chapters\" must be a chapter slug, not " + slug);
                }
                chapters.add(slug.asText().strip());
                chapterLines.add(line);
            }
        }
        SeedPolicy policy = SeedPolicy.OPEN;
        if (root.has("seed_policy")) {
            JsonNode value = root.get("seed_policy");
            try {
                policy = SeedPolicy.valueOf(value.asText().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ContentError(source, lines.keyLine("seed_policy", 1), "\"seed_policy\" is open, class or student, not " + value);
            }
        }
        long classSeed = 0;
        if (root.has("class_seed")) {
            JsonNode seed = root.get("class_seed");
            if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.longValue() < 0 || seed.longValue() > Seeds.MAX) {
                throw new ContentError(source, lines.keyLine("class_seed", 1), "\"class_seed\" must be a whole number from 0 to " + Seeds.MAX + ", not " + seed);
            }
            classSeed = seed.longValue();
        }
        if (policy == SeedPolicy.CLASS && !root.has("class_seed")) {
            throw new ContentError(source, lines.keyLine("seed_policy", 1), "seed_policy: class needs a \"class_seed\" (a whole number) for the whole class");
        }
        if (policy != SeedPolicy.CLASS && root.has("class_seed")) {
            throw new ContentError(source, lines.keyLine("class_seed", 1), "\"class_seed\" only applies with seed_policy: class");
        }
        String key = keyFromEnvironment(env);
        if (key == null) {
            key = text(source, lines, root, "instructor_key");
            if (key != null && key.length() < MIN_KEY_LENGTH) {
                throw new ContentError(source, lines.keyLine("instructor_key", 1), shortKey(key));
            }
        }
        String rosterName = text(source, lines, root, "roster");
        Path roster = null;
        int rosterLine = 0;
        if (rosterName != null) {
            rosterLine = lines.keyLine("roster", 1);
            if (key == null) {
                // the key signs every student's link: without one a link could be forged
                throw new ContentError(source, rosterLine, "a roster needs an instructor key, which signs the students' links: set"
                        + " \"instructor_key\" in this file or the " + KEY_VARIABLE + " environment variable");
            }
            Path folder = Path.of(source).toAbsolutePath().getParent();
            roster = folder.resolve(rosterName).normalize();
        }
        int welcomeLine = welcome == null ? 0 : welcomeLine(lines, text) + leadingLineBreaks(root.get("welcome").asText());
        return new CourseFile(source, title, welcome, welcomeLine, chapters, chapterLines, key, policy, classSeed, roster, rosterLine);
    }

    /**
     * The file line on which the welcome's text starts, so a mistake in its markdown names a real
     * line: the line after a YAML block scalar's "|" or "&gt;", or the value's own line.
     */
    private static int welcomeLine(NodeLines lines, String text) {
        int line = lines.valueLine("/welcome", 0);
        int column = lines.valueColumn("/welcome");
        if (line < 1) {
            return 0;
        }
        String written = text.split("\n", -1)[line - 1];
        boolean block = column >= 1 && column <= written.length() && "|>".indexOf(written.charAt(column - 1)) >= 0;
        return block ? line + 1 : line;
    }

    /** The blank lines the stripped welcome lost at its start, so its lines still count from the file's. */
    private static int leadingLineBreaks(String raw) {
        int breaks = 0;
        for (int i = 0; i < raw.length() && Character.isWhitespace(raw.charAt(i)); i++) {
            breaks += raw.charAt(i) == '\n' ? 1 : 0;
        }
        return breaks;
    }

    /**
     * The environment variable wins, so the key can stay out of files. A key too short is the
     * variable's mistake, reported as such: the course file has nothing to do with it.
     */
    private static String keyFromEnvironment(Map<String, String> env) {
        String fromEnv = env.get(KEY_VARIABLE);
        if (fromEnv == null || fromEnv.isBlank()) {
            return null;
        }
        String key = fromEnv.strip();
        if (key.length() < MIN_KEY_LENGTH) {
            throw new ContentError("the environment variable " + KEY_VARIABLE, 0, shortKey(key));
        }
        return key;
    }

    private static String shortKey(String key) {
        return "the instructor key must be at least " + MIN_KEY_LENGTH + " characters long (this one has " + key.length() + ")";
    }

    private static String text(String source, NodeLines lines, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw new ContentError(source, lines.keyLine(key, 1), "\"" + key + "\" must be text");
        }
        return node.asText().strip();
    }

    private static List<String> sorted() {
        return KEYS.stream().sorted().toList();
    }
}
