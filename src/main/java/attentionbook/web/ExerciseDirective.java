package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.book.NodeLines;
import attentionbook.book.MatrixJson;
import attentionbook.book.Templates;
import attentionbook.book.ExampleDirective;
import attentionbook.book.DirectiveException;
import attentionbook.book.Directive;
import attentionbook.book.Book;
import attentionbook.book.Chapter;
import attentionbook.book.ContentError;
import attentionbook.book.DirectiveUse;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** What book/exercise.jte prints: the kind, the exercise's id, its options as JSON and the kind's title. */
    public record View(String kind, String id, String options, String title) {
    }

    @Override
    public String render(Block block) {
        Declaration declared = declare(block.argument(), block.body());
        Map<String, Object> written = declared.settings().written();
        return Templates.render("book/exercise.jte", new View(declared.kind().name(), declared.id(), json(written).toString(),
                declared.kind().title()));
    }

    /** Reads the block's JSON options and checks them with the kind, so a mistake stops the book at start-up. */
    static Declaration declare(String kindName, String body) {
        JsonNode options = body.isBlank() ? Mappers.JSON.createObjectNode() : ExampleDirective.parse(body);
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
        try {
            return Declaration.of(kindName, written);
        } catch (Declaration.Invalid e) {
            int line = switch (e.part()) {
                case KIND -> 0;
                case OPTIONS -> 1;
                case OPTION -> lineOf(body, e.option());
            };
            throw new DirectiveException(e.getMessage(), line);
        }
    }

    /**
     * The catalog of a book's exercises, from the exercise blocks its chapters declare: the reading
     * order first, then the chapters a course leaves out (still served, so their exercises must work).
     */
    public static ExerciseCatalog catalog(Book book) {
        ExerciseCatalog catalog = new ExerciseCatalog();
        List<Chapter> listedFirst = new ArrayList<>(book.chapters());
        book.allChapters().stream().filter(c -> !book.listed(c)).forEach(listedFirst::add);
        for (Chapter chapter : listedFirst) {
            catalog.add(chapter.slug(), chapter.title(), book.listed(chapter), declaredIn(chapter));
        }
        return catalog;
    }

    /** The exercises a chapter declares, in page order. */
    public static List<Declaration> declaredIn(Chapter chapter) {
        List<Declaration> found = new ArrayList<>();
        for (DirectiveUse use : chapter.uses("exercise")) {
            try {
                found.add(declare(use.argument(), use.body()));
            } catch (DirectiveException e) {
                throw new ContentError(chapter.source(), use.line() + e.lineInBody(), "```exercise: " + e.getMessage());
            }
        }
        return found;
    }

    private static ObjectNode json(Map<String, Object> written) {
        ObjectNode node = Mappers.JSON.createObjectNode();
        written.forEach((name, value) -> {
            if (value instanceof Integer number) {
                node.put(name, number);
            } else {
                node.put(name, value.toString());
            }
        });
        return node;
    }

    /** The body line (1-based) where a key is written, as the JSON parser read it, for messages; 1 when it is not written. */
    private static int lineOf(String body, String key) {
        return key == null ? 1 : NodeLines.of(Mappers.JSON, body).keyLine(key, 1);
    }
}
