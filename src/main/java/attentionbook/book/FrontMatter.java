package attentionbook.book;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML block between two {@code ---} lines at the top of a chapter file. Only the keys below
 * are known; any other key is a mistake (a typo such as "tittle" must not be silently ignored).
 */
public record FrontMatter(String title, String summary, boolean reference, String body, int bodyFirstLine) {

    static final Set<String> KEYS = Set.of("title", "summary", "kind");

    /** Splits a chapter file into its front matter and its markdown body. */
    public static FrontMatter parse(String file, String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new ContentError(file, 1, "a chapter must start with front matter: a line \"---\", "
                    + "then \"title: ...\" and \"summary: ...\", then \"---\"");
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new ContentError(file, 1, "the front matter opened here is never closed by a \"---\" line");
        }
        String yaml = String.join("\n", lines.subList(1, close));
        JsonNode root = readYaml(file, yaml);
        String title = requiredText(file, root, yaml, "title", close);
        String summary = requiredText(file, root, yaml, "summary", close);
        boolean reference = kind(file, root, yaml);
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        return new FrontMatter(title, summary, reference, body, close + 2);
    }

    private static JsonNode readYaml(String file, String yaml) {
        JsonNode root;
        try {
            root = Mappers.YAML.readTree(yaml);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null || at.getLineNr() < 1 ? 2 : at.getLineNr() + 1;
            throw new ContentError(file, line, "the front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ContentError(file, 2, "the front matter is empty: it needs \"title: ...\" and \"summary: ...\"");
        }
        if (!root.isObject()) {
            throw new ContentError(file, 2, "the front matter must be a list of \"key: value\" lines");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!KEYS.contains(key)) {
                throw new ContentError(file, lineOfKey(yaml, key),
                        "unknown front matter key \"" + key + "\" (known keys: title, summary, kind)");
            }
        }
        return root;
    }

    private static String requiredText(String file, JsonNode root, String yaml, String key, int closeIndex) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            throw new ContentError(file, closeIndex + 1, "the front matter has no \"" + key + ":\"");
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new ContentError(file, lineOfKey(yaml, key), "\"" + key + "\" in the front matter must be a line of text");
        }
        return value.asText().strip();
    }

    /** {@code kind: chapter} (the default) or {@code kind: reference} for pages such as the notation table. */
    private static boolean kind(String file, JsonNode root, String yaml) {
        JsonNode kind = root.get("kind");
        if (kind == null || kind.asText().equals("chapter")) {
            return false;
        }
        if (kind.asText().equals("reference")) {
            return true;
        }
        throw new ContentError(file, lineOfKey(yaml, "kind"), "\"kind\" is chapter or reference, not \"" + kind.asText() + "\"");
    }

    /** The 1-based file line of a top-level key (front matter starts on line 2 of the file). */
    private static int lineOfKey(String yaml, String key) {
        return NodeLines.of(Mappers.YAML, yaml).keyLine(key, 1) + 1;
    }
}
