package attentionbook.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text out of the book's own rendered HTML, for indexing and snippets. Math is kept as a reader
 * would type or read it: {@code d_\text{model}} becomes {@code d_model}, {@code \sqrt{d_k}} becomes
 * {@code √d_k}, {@code \tau} becomes {@code τ}.
 */
final class HtmlText {
    private static final Pattern MATH = Pattern.compile("<(span|div) class=\"math(?: display)?(?: has-symbols)?\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);
    /** Text no reader searches for: an exercise's "waiting for scripts" line, a worked example's matrices of numbers. */
    private static final Pattern SKIPPED = Pattern.compile(
            "<p class=\"exercise-loading\">.*?</p>|<div class=\"matrix-groups\">.*?</div>\n</div>\n", Pattern.DOTALL);
    private static final Pattern TEX_WORD = Pattern.compile("\\\\(?:text|mathrm|operatorname|mathit|mathbf|mathbb)\\{([^}]*)}");
    private static final Pattern FRACTION = Pattern.compile("\\\\frac\\{([^{}]*)}\\{([^{}]*)}");
    private static final Pattern TEX_COMMAND = Pattern.compile("\\\\([A-Za-z]+|.)");
    private static final Pattern INLINE_TAG = Pattern.compile("</?(?:span|strong|em|code|a|mark|sub|sup|b|i)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("times", "×"), Map.entry("cdot", "·"), Map.entry("top", "ᵀ"), Map.entry("sqrt", "√"),
            Map.entry("to", "→"), Map.entry("infty", "∞"), Map.entry("sum", "Σ"), Map.entry("in", "∈"),
            Map.entry("le", "≤"), Map.entry("ge", "≥"), Map.entry("approx", "≈"), Map.entry("ell", "ℓ"),
            Map.entry("tau", "τ"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("alpha", "α"),
            Map.entry("beta", "β"), Map.entry("theta", "θ"), Map.entry("sigma", "σ"), Map.entry("mu", "μ"),
            Map.entry("lambda", "λ"), Map.entry("epsilon", "ε"), Map.entry("dots", "…"), Map.entry("ldots", "…"),
            Map.entry("cdots", "⋯"), Map.entry("{", "{"), Map.entry("}", "}"), Map.entry("$", "$"));

    private HtmlText() {
    }

    /** The text of an HTML fragment, entities decoded, whitespace collapsed. */
    static String of(String html) {
        Matcher math = MATH.matcher(SKIPPED.matcher(html).replaceAll(" "));
        StringBuilder flat = new StringBuilder();
        while (math.find()) {
            math.appendReplacement(flat, Matcher.quoteReplacement(tex(unescape(math.group(2)))));
        }
        math.appendTail(flat);
        String text = TAG.matcher(INLINE_TAG.matcher(flat).replaceAll("")).replaceAll(" ");
        return SPACE.matcher(unescape(text)).replaceAll(" ").strip();
    }

    /** TeX as text: the words inside \text{} kept, known commands as their symbols, the rest and braces dropped. */
    static String tex(String tex) {
        String plain = FRACTION.matcher(TEX_WORD.matcher(tex).replaceAll("$1")).replaceAll("$1/$2");
        Matcher command = TEX_COMMAND.matcher(plain);
        StringBuilder words = new StringBuilder();
        while (command.find()) {
            String symbol = SYMBOLS.get(command.group(1));
            command.appendReplacement(words, Matcher.quoteReplacement(symbol != null ? symbol : " "));
        }
        command.appendTail(words);
        return SPACE.matcher(words.toString().replace("}{", " ").replace("{", "").replace("}", "")).replaceAll(" ").strip();
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
