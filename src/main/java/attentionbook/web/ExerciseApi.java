package attentionbook.web;

import attentionbook.exercise.Checker;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.exercise.Exercise;
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
 * A linked student's checks, hints and solutions are recorded through {@link ClassRecorder}.
 */
public final class ExerciseApi implements Consumer<RoutesConfig> {
    /** A check body is a seed and at most 16 numbers; this leaves room for whitespace. */
    static final int MAX_BODY = 16 * 1024;
    static final String CHECK_EXAMPLE = "{\"seed\": 1, \"answer\": [[1, 2]]}";
    private static final int CACHE = 512;

    private final ExerciseCatalog catalog;
    private final InstructorKey instructor;
    private final ClassRecorder recorder;
    private final Map<String, Exercise> generated = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Exercise> eldest) {
            return size() > CACHE;
        }
    });

    public ExerciseApi(ExerciseCatalog catalog, InstructorKey instructor) {
        this(catalog, instructor, ClassRecorder.NONE);
    }

    public ExerciseApi(ExerciseCatalog catalog, InstructorKey instructor, ClassRecorder recorder) {
        this.catalog = catalog;
        this.instructor = instructor;
        this.recorder = recorder;
    }

    @Override
    public void accept(RoutesConfig routes) {
        BookServer.getAndHead(routes, "/api/exercises", ctx -> ctx.json(summaries()));
        BookServer.getAndHead(routes, "/api/exercises/{id}", ctx -> ApiResponses.ok(ctx, exercise(ctx)));
        BookServer.getAndHead(routes, "/api/exercises/{id}/hints", ctx -> ApiResponses.ok(ctx, hint(ctx)));
        BookServer.getAndHead(routes, "/api/exercises/{id}/solution", ctx -> ApiResponses.ok(ctx, solution(ctx)));
        BookServer.getAndHead(routes, "/api/exercises/{id}/steps", ctx -> ApiResponses.ok(ctx, steps(ctx)));
        routes.post("/api/exercises/{id}/steps/{step}/solution", ctx -> ApiResponses.ok(ctx, stepSolution(ctx)));
        routes.post("/api/exercises/{id}/check", ctx -> ApiResponses.ok(ctx, check(ctx)));
    }

    /** The grids a whole-layer exercise asks for, step by step. */
    private Object steps(Context ctx) {
        Declaration declared = declared(ctx);
        long seed = SeedChoice.from(ctx).seed();
        return LayerViews.steps(declared, LayerViews.require(declared, seed), seed);
    }

    /** One step of a whole-layer exercise worked from the learner's own earlier grids (the body). */
    private Object stepSolution(Context ctx) {
        Declaration declared = declared(ctx);
        if (!instructor.unlocks(ctx)) {
            throw new RejectedRequest(403, "the worked solutions of this course are for instructors: ask yours");
        }
        return LayerViews.work(declared, ctx.pathParam("step"), JsonBody.object(ctx, MAX_BODY, CHECK_EXAMPLE));
    }

    private ExerciseViews.ExerciseView exercise(Context ctx) {
        Declaration declared = declared(ctx);
        SeedChoice choice = SeedChoice.from(ctx);
        return ExerciseViews.exercise(declared, exercise(declared, choice.seed()), choice.student(), instructor.unlocks(ctx));
    }

    private ExerciseViews.HintView hint(Context ctx) {
        Declaration declared = declared(ctx);
        Exercise e = exercise(declared, SeedChoice.from(ctx).seed());
        int step = step(ctx.queryParam("step"), e.hints().size());
        recorder.hintViewed(ctx, declared.id(), e.seed(), step);
        return new ExerciseViews.HintView(declared.id(), e.seed(), step, e.hints().size(), ExerciseViews.step(e.hints().get(step - 1)));
    }

    private ExerciseViews.SolutionView solution(Context ctx) {
        Declaration declared = declared(ctx);
        if (!instructor.unlocks(ctx)) {
            throw new RejectedRequest(403, "the worked solutions of this course are for instructors: ask yours,"
                    + " or use the hints, which show every step but the last");
        }
        Exercise e = exercise(declared, SeedChoice.from(ctx).seed());
        recorder.solutionViewed(ctx, declared.id(), e.seed());
        return ExerciseViews.solution(declared.id(), e);
    }

    /** The verdict on a learner's answer: the body is the seed and the answer ({@link CheckRequest}). */
    private Object check(Context ctx) {
        Declaration declared = declared(ctx);
        JsonNode body = JsonBody.object(ctx, MAX_BODY, CHECK_EXAMPLE);
        if (body.has("answers")) {
            LayerViews.ReportView report = LayerViews.check(declared, body);   // a whole layer, marked step by step
            return recorder.checked(ctx, declared.id(), report.seed(), report.allCorrect(), report.firstMistake(), report);
        }
        long seed = CheckRequest.seed(body);
        Exercise e = exercise(declared, seed);
        double[][] cells = CheckRequest.answer(body, e.form());
        ExerciseViews.VerdictView verdict = ExerciseViews.verdict(declared.id(), seed, Checker.check(e, cells));
        String mistake = verdict.diagnoses().isEmpty() ? null : verdict.diagnoses().get(0).key();
        return recorder.checked(ctx, declared.id(), seed, verdict.correct(), mistake, verdict);
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

    private Declaration declared(Context ctx) {
        String id = ctx.pathParam("id");
        return catalog.find(id).orElseThrow(() -> new RejectedRequest(404, "no exercise \"" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                + "\": GET /api/exercises lists them"));
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
        throw RejectedRequest.badRequest("\"step\" must be a whole number from 1 to " + hints + " (this exercise has " + hints
                + (hints == 1 ? " hint" : " hints") + "), not \"" + shorten(text) + "\"");
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
