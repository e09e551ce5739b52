package attentionbook.book;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short TeX as plain text for a screen reader or a page without JavaScript: "d_\text{model} / h" reads
 * "d model / h", "\sqrt{d_k}" reads "√(d k)". Only the notation table's few constructions are known;
 * anything else keeps its letters.
 */
public final class TexText {
    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("sqrt", "√"), Map.entry("times", "×"), Map.entry("cdots", "⋯"), Map.entry("dots", "…"),
            Map.entry("infty", "∞"), Map.entry("sum", "∑"), Map.entry("cdot", "·"), Map.entry("top", "ᵀ"),
            Map.entry("tau", "τ"), Map.entry("ell", "ℓ"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("theta", "θ"), Map.entry("sigma", "σ"), Map.entry("Delta", "Δ"), Map.entry("le", "≤"));
    private static final Pattern WORD = Pattern.compile("\\\\(?:text|operatorname|mathrm|mathcal)\\s*\\{([^{}]*)}");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    private static final Pattern GROUP = Pattern.compile("([_^])\\{([^{}]*)}");

    private TexText() {
    }

    /** One formula as text. */
    public static String plain(String tex) {
        String text = WORD.matcher(tex).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = text.replaceAll("\\\\[,;:! ]|\\\\q?quad", " ");
        text = COMMAND.matcher(text).replaceAll(m -> Matcher.quoteReplacement(COMMANDS.getOrDefault(m.group(1), m.group(1))));
        for (int i = 0; i < 3 && GROUP.matcher(text).find(); i++) {   // nested groups, innermost first
            text = GROUP.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1).equals("_") ? " " + m.group(2) : "^(" + m.group(2) + ")"));
        }
        text = text.replaceAll("_(\\S)", " $1").replace("^(ᵀ)", "ᵀ").replace("^ᵀ", "ᵀ").replaceAll("\\^\\((\\([^()]*\\))\\)", "^$1");
        text = text.replace("{", "").replace("}", "").replace("-", "−");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Text with $...$ math in it, each formula made plain. */
    public static String plainWithMath(String text) {
        String[] pieces = text.split("\\$", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            out.append(i % 2 == 1 && i < pieces.length - 1 ? plain(pieces[i]) : pieces[i]);
        }
        return out.toString().replace("`", "");
    }
}
