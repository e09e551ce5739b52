package attentionbook.web;

import attentionbook.book.MatrixJson;
import attentionbook.book.MatrixTable;
import attentionbook.book.ExampleDirective;
import attentionbook.book.DirectiveException;
import attentionbook.book.Directive;
import attentionbook.exercise.ExerciseKind;
import attentionbook.exercise.ExerciseKinds;
import attentionbook.exercise.Seeds;
import attentionbook.exercise.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ```exercise KIND}: a pen-and-paper exercise the book generates and checks. The body is a
 * JSON object of the kind's options (or nothing, for the defaults):
 *
 * <pre>
 * ```exercise score-grid
 * {"tokens": 2}
 * ```
 * </pre>
 *
 * The page gets {@code <section class="exercise" data-exercise="KIND" data-exercise-id="ID"
 * data-options="{...}">}, which static/js/exercise.js mounts on. The answer is never in the page:
 * the browser asks the server for the prompt, and the server checks.
 */
public final class ExerciseDirective implements Directive {
    private static final Pattern DECLARED = Pattern.compile(
            "<section class=\"exercise\" data-exercise=\"([a-z0-9-]+)\" data-exercise-id=\"([a-z0-9-]+)\" data-options=\"([^\"]*)\"");

    /** One exercise as a chapter declares it. */
    public record Declared(String id, ExerciseKind kind, Settings settings) {
        /** The exercise for this seed: the same seed always gives the same numbers. */
        public attentionbook.exercise.Exercise generate(long seed) {
            return kind.generate(seed, settings);
        }
    }

    @Override
    public String render(Block block) {
        Declared declared = declare(block.argument(), block.body());
        Map<String, Object> written = declared.settings().written();
        return "<section class=\"exercise\" data-exercise=\"" + declared.kind().name() + "\" data-exercise-id=\""
                + declared.id() + "\" data-options=\"" + MatrixTable.escape(json(written).toString()) + "\">"
                + "<h3 class=\"exercise-title\">Exercise: " + MatrixTable.escape(declared.kind().title()) + "</h3>"
                + "<p class=\"exercise-loading\">This exercise starts when the page's scripts have loaded. Without them,"
                + " use the chapter's printable worksheet.</p></section>";
    }

    /** Checks the kind and options, and generates the exercise once, so a mistake stops the book at start-up. */
    static Declared declare(String kindName, String body) {
        if (kindName.isEmpty()) {
            throw new DirectiveException("name the kind: ```exercise KIND, where KIND is one of " + ExerciseKinds.names());
        }
        ExerciseKind kind = ExerciseKinds.find(kindName).orElseThrow(() -> new DirectiveException(
                "unknown exercise kind \"" + kindName + "\"; the kinds are " + ExerciseKinds.names()));
        JsonNode options = body.isBlank() ? ExampleDirective.JSON.createObjectNode() : ExampleDirective.parse(body);
        if (!options.isObject()) {
            throw new DirectiveException("an exercise's options must be a JSON object such as {\"tokens\": 3}, or nothing", 1);
        }
        Map<String, Object> written = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                written.put(field.getKey(), value.textValue());
            } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                written.put(field.getKey(), value.intValue());
            } else {
                throw new DirectiveException("option \"" + field.getKey() + "\" must be a word or a whole number, not "
                        + MatrixJson.describe(value), lineOf(body, field.getKey()));
            }
        }
        Settings settings;
        try {
            settings = Settings.of(kind.options(), written);
        } catch (IllegalArgumentException e) {
            throw new DirectiveException(e.getMessage(), lineOf(body, offendingKey(e.getMessage(), written)));
        }
        try {
            kind.generate(Seeds.DEFAULT, settings);
        } catch (RuntimeException e) {
            throw new DirectiveException("these options cannot make an exercise: " + e.getMessage(), 1);
        }
        return new Declared(idOf(kind, settings), kind, settings);
    }

    /** "score-grid", or with options "score-grid-tokens-2": readable, and the same for the same options. */
    static String idOf(ExerciseKind kind, Settings settings) {
        StringBuilder id = new StringBuilder(kind.name());
        settings.written().forEach((name, value) -> id.append('-').append(name).append('-').append(value));
        return id.toString();
    }

    /** The exercises a rendered chapter declares, in page order (read back from this directive's own markup). */
    public static List<Declared> declaredIn(String chapterHtml) {
        List<Declared> found = new ArrayList<>();
        Matcher m = DECLARED.matcher(chapterHtml);
        while (m.find()) {
            String options = m.group(3).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
            Declared declared = declare(m.group(1), options);
            if (!declared.id().equals(m.group(2))) {
                throw new IllegalStateException("exercise " + m.group(2) + " reads back as " + declared.id());
            }
            found.add(declared);
        }
        return found;
    }

    private static ObjectNode json(Map<String, Object> written) {
        ObjectNode node = ExampleDirective.JSON.createObjectNode();
        written.forEach((name, value) -> {
            if (value instanceof Integer number) {
                node.put(name, number);
            } else {
                node.put(name, value.toString());
            }
        });
        return node;
    }

    /** The body line (1-based) where a key is written, for messages; 1 when it cannot be found. */
    private static int lineOf(String body, String key) {
        if (key == null) {
            return 1;
        }
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("\"" + key + "\"")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String offendingKey(String message, Map<String, Object> written) {
        for (String key : written.keySet()) {
            if (message.contains("\"" + key + "\"")) {
                return key;
            }
        }
        return null;
    }
}
