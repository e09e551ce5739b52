package attentionbook.exercise;

import java.util.List;

/**
 * One step of a hint or a worked solution: a sentence, the arithmetic written out line by line
 * (computed by the core), and optionally the intermediate matrix it produces.
 */
public record WorkStep(String text, List<String> lines, Table table) {

    public WorkStep {
        lines = List.copyOf(lines);
    }

    public static WorkStep of(String text, String... lines) {
        return new WorkStep(text, List.of(lines), null);
    }

    public WorkStep with(Table shown) {
        return new WorkStep(text, lines, shown);
    }
}
