package attentionbook.web;

import attentionbook.exercise.Declaration;
import attentionbook.exercise.FullAttention;
import attentionbook.exercise.LayerMarker;
import attentionbook.exercise.LayerProblem;
import attentionbook.exercise.LayerReport;
import attentionbook.exercise.LayerStep;
import attentionbook.exercise.WorkStep;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of a whole layer worked by hand ({@code full-attention}): the grids to fill in, the marks
 * of a check with error carried forward, and one step's worked solution from the learner's own grids.
 */
final class LayerViews {
    private LayerViews() {
    }

    /** One step's grids: {@code grids} of {@code rows × cols} cells (one a head for the per-head steps). */
    record StepForm(String key, String title, int grids, int rows, int cols, List<String> rowLabels,
                    List<String> colLabels, int decimals, boolean exact, boolean minusInfinity) {
    }

    record StepsView(String id, long seed, int heads, boolean causal, List<StepForm> steps) {
    }

    record CellView(int head, int row, int col, String name) {
    }

    record MarkView(String verdict, String cause, String message, List<CellView> wrongCells,
                    List<ExerciseViews.DiagnosisView> diagnoses) {
    }

    record Summary(long correct, long carriedForward, long wrong, String text) {
    }

    record ReportView(String id, long seed, Map<String, MarkView> steps, String firstToRedo, Summary summary) {
        /**
         * The layer solved: its output given, and every step given right on its own (none wrong, none right
         * only given an earlier mistake), as the page marks a layer solved.
         */
        boolean allCorrect() {
            return steps.containsKey("output") && summary.wrong() == 0 && summary.carriedForward() == 0;
        }

        /** The first diagnosed mistake in the order of the steps, or null. */
        String firstMistake() {
            return steps.values().stream().flatMap(m -> m.diagnoses().stream()).map(ExerciseViews.DiagnosisView::key)
                    .findFirst().orElse(null);
        }
    }

    record WorkView(String id, long seed, String step, List<ExerciseViews.StepView> steps) {
    }

    /** The layer behind a declaration, when it is a whole layer. */
    static Optional<LayerProblem> problem(Declaration declared, long seed) {
        if (declared.kind() instanceof FullAttention kind) {
            return Optional.of(kind.problem(seed, declared.settings()));
        }
        return Optional.empty();
    }

    static LayerProblem require(Declaration declared, long seed) {
        return problem(declared, seed).orElseThrow(() -> RejectedRequest.badRequest("\"" + declared.id()
                + "\" is not a whole-layer exercise: its check takes {\"seed\": N, \"answer\": ...}"));
    }

    static StepsView steps(Declaration declared, LayerProblem p, long seed) {
        List<StepForm> forms = p.steps().stream().map(s -> new StepForm(s.key(), s.title(), p.grids(s), p.rows(s), p.cols(s),
                labels("token ", p.rows(s)), labels("", p.cols(s)), s.rounding().decimals(), s.rounding().exact(),
                s.minusInfinity())).toList();
        return new StepsView(declared.id(), seed, p.heads(), p.causal(), forms);
    }

    static ReportView check(Declaration declared, JsonNode body) {
        long seed = StepAnswers.seed(body);
        LayerProblem p = require(declared, seed);
        LayerReport report = LayerMarker.mark(p, StepAnswers.answers(body, p));
        Map<String, MarkView> marks = new LinkedHashMap<>();
        report.steps().forEach((key, m) -> marks.put(key, new MarkView(m.verdict().word(), m.cause(), m.message(),
                m.wrongCells().stream().map(c -> new CellView(c.head(), c.row(), c.col(), c.name())).toList(),
                m.diagnoses().stream().map(d -> new ExerciseViews.DiagnosisView(d.key(), d.text())).toList())));
        Summary summary = new Summary(report.count(LayerReport.Verdict.CORRECT), report.count(LayerReport.Verdict.CARRIED_FORWARD),
                report.count(LayerReport.Verdict.WRONG), report.summary());
        return new ReportView(declared.id(), seed, marks, report.firstToRedo(), summary);
    }

    static WorkView work(Declaration declared, String stepKey, JsonNode body) {
        long seed = StepAnswers.seed(body);
        LayerProblem p = require(declared, seed);
        LayerStep step = StepAnswers.step(stepKey, p);
        List<WorkStep> work = ((FullAttention) declared.kind()).workFrom(p, step,
                body.has("answers") ? StepAnswers.answers(body, p) : Map.of());
        return new WorkView(declared.id(), seed, step.key(), work.stream().map(ExerciseViews::step).toList());
    }

    /**
     * A printed sheet's grids for the steps before the output (empty for any other exercise): blank on
     * the sheet, the book's values on the answer key, one grid a head for the per-head steps.
     */
    static List<WorksheetPage.AnswerGrid> sheetGrids(Declaration declared, long seed, boolean key) {
        Optional<LayerProblem> problem = problem(declared, seed);
        if (problem.isEmpty()) {
            return List.of();
        }
        LayerProblem p = problem.get();
        Map<LayerStep, List<attentionbook.attention.Matrix>> book = p.book();
        List<WorksheetPage.AnswerGrid> grids = new java.util.ArrayList<>();
        for (LayerStep step : p.steps()) {
            if (step == LayerStep.OUTPUT) {
                continue;   // the exercise's own answer grid
            }
            for (int h = 0; h < p.grids(step); h++) {
                attentionbook.attention.Matrix m = book.get(step).get(h);
                String name = step.title() + (p.grids(step) > 1 ? ", head " + (h + 1) : "");
                grids.add(Worksheets.grid(name, m, step.rounding(), labels("token ", m.rows()), labels("", m.cols()), key));
            }
        }
        return grids;
    }

    private static List<String> labels(String prefix, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }
}
