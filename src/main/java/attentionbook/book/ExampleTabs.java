package attentionbook.book;

import java.util.List;

/**
 * A worked example beside its code: the figure, then the NumPy and PyTorch programs that compute
 * its numbers. Without script each program is a closed {@code <details>} under the figure; the
 * page's script turns the three into tabs ("The math", "NumPy", "PyTorch").
 */
public final class ExampleTabs {
    /** The figure's markup (already rendered by the example template) and the programs beside it. */
    public record View(String figure, List<Program> programs) {
    }

    /** One program: its tab's label, its key (data-runs) and its source. */
    public record Program(String label, String key, String source) {
    }

    private ExampleTabs() {
    }

    static String html(String figure, ExampleCode code) {
        return Templates.render("book/example-tabs.jte", new View(figure, List.of(
                new Program("NumPy", "numpy", code.numpy()), new Program("PyTorch", "pytorch", code.pytorch()))));
    }
}
