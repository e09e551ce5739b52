package attentionbook.book;

/**
 * A worked example beside its code: the figure, then the NumPy and PyTorch programs that compute
 * its numbers. Without script each program is a closed {@code <details>} under the figure; the
 * page's script turns the three into tabs ("The math", "NumPy", "PyTorch").
 */
final class ExampleTabs {
    private ExampleTabs() {
    }

    static String html(String figure, ExampleCode code) {
        return "<div class=\"example-tabs\">\n<div class=\"example-panel\" data-tab=\"The math\">" + figure + "</div>\n"
                + program("NumPy", "numpy", code.numpy()) + program("PyTorch", "pytorch", code.pytorch()) + "</div>";
    }

    private static String program(String label, String key, String source) {
        return "<details class=\"example-panel\" data-tab=\"" + label + "\"><summary>The same in " + label + "</summary>"
                + "<pre tabindex=\"0\"><code class=\"language-python\" data-runs=\"" + key + "\">" + escape(source) + "</code></pre></details>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
