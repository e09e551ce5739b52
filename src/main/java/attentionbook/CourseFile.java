package attentionbook;

import attentionbook.book.ContentError;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * </pre>
 */
public record CourseFile(String source, String title, String welcome, List<String> chapters, int chaptersLine,
                         String instructorKey, SeedPolicy seedPolicy, long classSeed) {

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
    private static final Set<String> KEYS = Set.of("title", "welcome", "chapters", "instructor_key", "seed_policy", "class_seed");
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** No course file: the whole book, open seeds, no instructor key unless the environment sets one. */
    public static CourseFile none(Map<String, String> env) {
        return new CourseFile(null, null, null, null, 0, keyFrom(env, null), SeedPolicy.OPEN, 0);
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
        JsonNode root;
        try {
            root = (source.endsWith(".json") ? JSON : YAML).readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ContentError(source, line, "not valid " + (source.endsWith(".json") ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ContentError(source, 1, "a course file is a list of \"key: value\" lines (keys: " + String.join(", ", sorted()) + ")");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ContentError(source, lineOf(text, key), "unknown key \"" + key + "\" (the keys are " + String.join(", ", sorted()) + ")");
            }
        }
        String title = text(source, text, root, "title");
        String welcome = text(source, text, root, "welcome");
        List<String> chapters = null;
        if (root.has("chapters")) {
            JsonNode list = root.get("chapters");
            if (!list.isArray() || list.isEmpty()) {
                throw new ContentError(source, lineOf(text, "chapters"), "\"chapters\" must be a list of chapter slugs, such as [why-attention, input-shapes]");
            }
            chapters = new ArrayList<>();
            for (JsonNode slug : list) {
                if (!slug.isTextual() || slug.asText().isBlank()) {
                    throw new ContentError(source, lineOf(text, "chapters"), "every entry of \"chapters\" must be a chapter slug, not " + slug);
                }
                chapters.add(slug.asText().strip());
            }
        }
        SeedPolicy policy = SeedPolicy.OPEN;
        if (root.has("seed_policy")) {
            String value = root.get("seed_policy").asText();
            try {
                policy = SeedPolicy.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ContentError(source, lineOf(text, "seed_policy"), "\"seed_policy\" is open, class or student, not \"" + value + "\"");
            }
        }
        long classSeed = 0;
        if (root.has("class_seed")) {
            JsonNode seed = root.get("class_seed");
            if (!seed.isIntegralNumber() || !seed.canConvertToLong() || seed.longValue() < 0) {
                throw new ContentError(source, lineOf(text, "class_seed"), "\"class_seed\" must be a whole number of 0 or more, not " + seed);
            }
            classSeed = seed.longValue();
        }
        if (policy == SeedPolicy.CLASS && !root.has("class_seed")) {
            throw new ContentError(source, lineOf(text, "seed_policy"), "seed_policy: class needs a \"class_seed\" (a whole number) for the whole class");
        }
        if (policy != SeedPolicy.CLASS && root.has("class_seed")) {
            throw new ContentError(source, lineOf(text, "class_seed"), "\"class_seed\" only applies with seed_policy: class");
        }
        String key = keyFrom(env, text(source, text, root, "instructor_key"));
        if (key != null && key.length() < 8) {
            throw new ContentError(source, lineOf(text, "instructor_key"), "the instructor key must be at least 8 characters long");
        }
        return new CourseFile(source, title, welcome, chapters, lineOf(text, "chapters"), key, policy, classSeed);
    }

    /** The environment variable wins, so the key can stay out of files. */
    private static String keyFrom(Map<String, String> env, String fromFile) {
        String fromEnv = env.get(KEY_VARIABLE);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : fromFile;
    }

    private static String text(String source, String text, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw new ContentError(source, lineOf(text, key), "\"" + key + "\" must be text");
        }
        return node.asText().strip();
    }

    private static List<String> sorted() {
        return KEYS.stream().sorted().toList();
    }

    private static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\"")) {
                return i + 1;
            }
        }
        return 1;
    }
}
