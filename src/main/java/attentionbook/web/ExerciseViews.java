package attentionbook.web;


import attentionbook.exercise.AnswerForm;
import attentionbook.exercise.Declaration;
import attentionbook.exercise.Exercise;
import attentionbook.exercise.Table;
import attentionbook.exercise.Verdict;
import attentionbook.exercise.WorkStep;

import java.util.ArrayList;
import java.util.List;

/** The JSON the exercise API answers with. Masked cells (−∞) are JSON null, as in /api/attention. */
final class ExerciseViews {
    private ExerciseViews() {
    }

    record TableView(String name, String shape, List<String> rowLabels, List<String> colLabels, int digits,
                     List<List<Double>> values) {
    }

    record FormView(String type, String name, int rows, int cols, List<String> rowLabels, List<String> colLabels,
                    int decimals, double tolerance, boolean exact, String instruction, boolean minusInfinity) {
    }

    record StepView(String text, List<String> lines, TableView table) {
    }

    /** @param solutionAvailable true when this request may see the worked solution (no instructor key, or the key given) */
    record ExerciseView(String id, String kind, String title, String topic, long seed, String student,
                        List<String> prompt, List<TableView> given, FormView answer, int hints, boolean solutionAvailable) {
    }

    record HintView(String id, long seed, int step, int of, StepView hint) {
    }

    record SolutionView(String id, long seed, TableView answer, List<StepView> steps) {
    }

    record CellView(int row, int col, String name) {
    }

    record DiagnosisView(String key, String text) {
    }

    record VerdictView(String id, long seed, boolean correct, String message, List<CellView> wrongCells,
                       List<DiagnosisView> diagnoses, List<String> notes) {
    }

    record Summary(String id, String kind, String title, String topic, String chapter) {
    }

    static ExerciseView exercise(Declaration declared, Exercise e, String student, boolean solution) {
        List<TableView> given = e.given().stream().map(ExerciseViews::table).toList();
        return new ExerciseView(declared.id(), e.kind(), e.title(), declared.kind().topic(), e.seed(), student,
                e.prompt(), given, form(e.form()), e.hints().size(), solution);
    }

    static FormView form(AnswerForm f) {
        return new FormView(f.type(), f.name(), f.rows(), f.cols(), f.rowLabels(), f.colLabels(), f.rounding().decimals(),
                f.rounding().tolerance(), f.rounding().exact(), f.rounding().instruction(), f.minusInfinity());
    }

    static TableView table(Table t) {
        List<List<Double>> rows = new ArrayList<>();
        for (int r = 0; r < t.values().rows(); r++) {
            List<Double> row = new ArrayList<>();
            for (double v : t.values().row(r)) {
                row.add(Double.isFinite(v) ? v : null);   // only −∞ is ever not finite here
            }
            rows.add(row);
        }
        return new TableView(t.name(), t.shape(), t.rowLabels(), t.colLabels(), t.digits(), rows);
    }

    static StepView step(WorkStep s) {
        return new StepView(s.text(), s.lines(), s.table() == null ? null : table(s.table()));
    }

    /** The answer as a table, printed with the decimals the prompt asks for. */
    static Table answerTable(Exercise e) {
        AnswerForm f = e.form();
        return new Table(f.name(), e.answer(), f.rowLabels(), f.colLabels(), f.rounding().decimals());
    }

    static SolutionView solution(String id, Exercise e) {
        return new SolutionView(id, e.seed(), table(answerTable(e)), e.solution().stream().map(ExerciseViews::step).toList());
    }

    static VerdictView verdict(String id, long seed, Verdict v) {
        return new VerdictView(id, seed, v.correct(), v.message(),
                v.wrongCells().stream().map(c -> new CellView(c.row(), c.col(), c.name())).toList(),
                v.diagnoses().stream().map(d -> new DiagnosisView(d.key(), d.text())).toList(), v.notes());
    }
}
