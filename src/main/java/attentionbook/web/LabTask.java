package attentionbook.web;

import attentionbook.model.RunConfig;
import attentionbook.model.Task;

/**
 * One task as the lab page offers it: its key, a sentence on what the model must learn, and the
 * defaults of {@link RunConfig#defaults} for the knobs the page shows. {@code probe} is the task's fixed
 * probe sequence, a ready input for the reader's own prediction; {@code vocabulary} its tokens.
 */
public record LabTask(String key, String name, String description, int seed, int steps, int layers, int heads,
                      int dModel, int snapshotEvery, int context, String vocabulary, String probe) {

    static LabTask of(Task task) {
        RunConfig d = RunConfig.defaults(task);
        StringBuilder vocabulary = new StringBuilder();
        for (int t = 0; t < task.vocabulary(); t++) {
            vocabulary.append(t == 0 ? "" : " ").append(task.tokenText(t));
        }
        StringBuilder probe = new StringBuilder();
        for (int token : task.probe(d.length()).input()) {
            probe.append(task.tokenText(token));
        }
        return new LabTask(task.key(), name(task), description(task), (int) d.seed(), d.steps(), d.layers(), d.heads(),
                d.dModel(), d.snapshotEvery(), d.context(), vocabulary.toString(), probe.toString());
    }

    private static String name(Task task) {
        return switch (task) {
            case COPY -> "Copy";
            case REVERSE -> "Reverse";
            case SORT -> "Sort";
            case PREVIOUS_TOKEN -> "Previous token";
            case INDUCTION -> "Induction";
        };
    }

    private static String description(Task task) {
        return switch (task) {
            case COPY -> "Digits, a bar, then the same digits again: after the bar, each answer digit copies one from the prompt.";
            case REVERSE -> "Digits, a bar, then the digits backwards: each answer digit looks at the mirrored place in the prompt.";
            case SORT -> "Digits, a bar, then the digits in order: each answer digit must find the next smallest digit.";
            case PREVIOUS_TOKEN -> "Random digits: at each position the model names the token just before it. One head that looks one step back solves it.";
            case INDUCTION -> "Letters, then a segment, then the segment again: inside the repeat the model predicts the letter that"
                    + " came after this one the first time. It needs two layers: a previous-token head, then an induction head.";
        };
    }
}
