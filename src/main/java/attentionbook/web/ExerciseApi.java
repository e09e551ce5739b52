package attentionbook.web;



import attentionbook.book.Mappers;
import attentionbook.exercise.Checker;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.exercise.Exercise;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The exercises over HTTP. The answer never leaves the server until the solution is asked for:
 * <ul>
 *   <li>{@code GET /api/exercises}: every exercise the book declares</li>
 *   <li>{@code GET /api/exercises/{id}?seed=N} (or {@code ?student=NAME}): the prompt, the given
 *       matrices and the shape and rounding of the answer</li>
 *   <li>{@code POST /api/exercises/{id}/check} with {@code {"seed": N, "answer": ...}}: the verdict,
 *       the wrong cells and the recognised mistake</li>
 *   <li>for a whole layer ({@code full-attention}): {@code GET /api/exercises/{id}/steps?seed=N} the grids to fill
 *       in; the check takes {@code {"seed": N, "answers": {"q": ..., ...}}} and marks each step with error
 *       carried forward; {@code POST /api/exercises/{id}/steps/{step}/solution} works one step from the
 *       learner's own earlier grids</li>
 *   <li>{@code GET /api/exercises/{id}/hints?seed=N&step=K}: hint K (from 1)</li>
 *   <li>{@code GET /api/exercises/{id}/solution?seed=N}: the answer and the worked solution (403 without
 *       the instructor key, when the course sets one)</li>
 * </ul>
 */
public final class ExerciseApi implements Consumer<RoutesConfig> {
    /** A check body is a seed and at most 16 numbers; this leaves room for whitespace. */
    static final int MAX_BODY = 16 * 1024;
    private static final int CACHE = 512;

    private final ExerciseCatalog catalog;
    private final InstructorKey instructor;
    private final Map<String, Exercise> generated = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Exercise> eldest) {
            return size() > CACHE;
        }
    });

    public ExerciseApi(ExerciseCatalog catalog, InstructorKey instructor) {
        this.catalog = catalog;
        this.instructor = instructor;
    }

    @Override
    public void accept(RoutesConfig routes) {
        BookServer.getAndHead(routes, "/api/exercises", ctx -> ctx.json(summaries()));
        BookServer.getAndHead(routes, "/api/exercises/{id}", ctx -> answer(ctx, () -> {
            Declaration declared = declared(ctx);
            SeedChoice choice = SeedChoice.from(ctx);
            return ExerciseViews.exercise(declared, exercise(declared, choice.seed()), choice.student(), instructor.unlocks(ctx));
        }));
        BookServer.getAndHead(routes, "/api/exercises/{id}/hints", ctx -> answer(ctx, () -> {
            Declaration declared = declared(ctx);
            Exercise e = exercise(declared, SeedChoice.from(ctx).seed());
            int step = step(ctx.queryParam("step"), e.hints().size());
            return new ExerciseViews.HintView(declared.id(), e.seed(), step, e.hints().size(),
                    ExerciseViews.step(e.hints().get(step - 1)));
        }));
        BookServer.getAndHead(routes, "/api/exercises/{id}/solution", ctx -> answer(ctx, () -> {
            Declaration declared = declared(ctx);
            if (!instructor.unlocks(ctx)) {
                throw new RejectedRequest(403, "the worked solutions of this course are for instructors: ask yours,"
                        + " or use the hints, which show every step but the last");
            }
            return ExerciseViews.solution(declared.id(), exercise(declared, SeedChoice.from(ctx).seed()));
        }));
        BookServer.getAndHead(routes, "/api/exercises/{id}/steps", ctx -> answer(ctx, () -> {
            Declaration declared = declared(ctx);
            long seed = SeedChoice.from(ctx).seed();
            return LayerViews.steps(declared, LayerViews.require(declared, seed), seed);
        }));
        routes.post("/api/exercises/{id}/steps/{step}/solution", ctx -> answer(ctx, () -> {
            Declaration declared = declared(ctx);
            if (!instructor.unlocks(ctx)) {
                throw new RejectedRequest(403, "the worked solutions of this course are for instructors: ask yours");
            }
            return LayerViews.work(declared, ctx.pathParam("step"), body(ctx));
        }));
        routes.post("/api/exercises/{id}/check", ctx -> answer(ctx, () -> {
            Declaration declared = declared(ctx);
            JsonNode body = body(ctx);
            if (body.has("answers")) {
                return LayerViews.check(declared, body);   // a whole layer, marked step by step
            }
            long seed = AnswerJson.seed(body);
            Exercise e = exercise(declared, seed);
            double[][] cells = AnswerJson.answer(body, e.form());
            return ExerciseViews.verdict(declared.id(), seed, Checker.check(e, cells));
        }));
    }

    /** The exercise for a seed, generated once and kept while it is in use. */
    Exercise exercise(Declaration declared, long seed) {
        return generated.computeIfAbsent(declared.id() + "@" + seed, key -> declared.generate(seed));
    }

    private List<ExerciseViews.Summary> summaries() {
        List<ExerciseViews.Summary> out = new ArrayList<>();
        for (ExerciseCatalog.ChapterExercises chapter : catalog.everyChapter()) {
            for (Declaration d : chapter.exercises()) {
                out.add(new ExerciseViews.Summary(d.id(), d.kind().name(), d.kind().title(), d.kind().topic(),
                        chapter.chapter().slug()));
            }
        }
        return out;
    }

    private interface Answer {
        Object get();
    }

    /** Runs a handler: its result as JSON, a BadRequest as 400, an unknown id as 404. Never cached. */
    private static void answer(Context ctx, Answer handler) {
        ctx.header("Cache-Control", "no-store");
        try {
            ctx.json(handler.get());
        } catch (NotFound e) {
            ApiError.send(ctx, 404, e.getMessage());
        } catch (RejectedRequest e) {
            ApiError.send(ctx, e.status(), e.getMessage());
        } catch (BadRequest e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.getMessage());
            if (e.row != null) {
                error.put("row", e.row);
            }
            if (e.col != null) {
                error.put("col", e.col);
            }
            ctx.status(400);
            ctx.json(error);
        }
    }

    private Declaration declared(Context ctx) {
        String id = ctx.pathParam("id");
        return catalog.find(id).orElseThrow(() -> new NotFound("no exercise \"" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                + "\": GET /api/exercises lists them"));
    }

    private static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new RejectedRequest(413, "the body is " + bytes.length + " bytes but a checked answer takes at most "
                    + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            throw new BadRequest("the body is empty: send {\"seed\": N, \"answer\": ...}");
        }
        try {
            return Mappers.JSON.readTree(bytes);
        } catch (JacksonException e) {
            String problem = e.getOriginalMessage();
            if (problem != null && problem.contains("exceeds the maximum")) {
                throw new BadRequest("a number in the body is too long");
            }
            throw new BadRequest("the body is not valid JSON: " + (problem == null ? "it cannot be read" : shorten(problem)));
        } catch (java.io.IOException e) {
            throw new BadRequest("the body cannot be read");
        }
    }

    private static int step(String text, int hints) {
        if (text == null) {
            return 1;
        }
        try {
            int step = Integer.parseInt(text.strip());
            if (step >= 1 && step <= hints) {
                return step;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadRequest("\"step\" must be a whole number from 1 to " + hints + " (this exercise has " + hints
                + (hints == 1 ? " hint" : " hints") + "), not \"" + shorten(text) + "\"");
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** An unknown exercise id: 404 with a JSON error. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
