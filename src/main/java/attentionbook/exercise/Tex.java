package attentionbook.exercise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the math in an exercise's sentences as the chapters do, between dollar signs, so that the
 * page typesets it with KaTeX: "d_model = 48" becomes "$d_\text{model} = 48$". Generators write
 * the symbols plainly; this one place turns each symbol, and the equation it starts, into TeX.
 */
public final class Tex {
    private static final String SYMBOL = "√?(?:d_model|d_k|d_v|Q_h|K_h|S_h)ᵀ?";
    private static final String ATOM = "(?:" + SYMBOL + "|[0-9]+(?:\\.[0-9]+)?|h)";
    /** A symbol, then any chain of "= 48", "/ h", "× d_k" after it. */
    private static final Pattern EQUATION = Pattern.compile(SYMBOL + "(?:\\s?[=/×·]\\s?" + ATOM + ")*");

    private Tex() {
    }

    /** The sentence with each equation between $ signs; a sentence with math already marked is left as it is. */
    public static String mark(String sentence) {
        if (sentence.indexOf('$') >= 0) {
            return sentence;
        }
        Matcher m = EQUATION.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("$" + tex(m.group()) + "$"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String tex(String plain) {
        String tex = plain.replace("×", "\\times ").replace("·", "\\cdot ").replace("d_model", "d_\\text{model}")
                .replace("ᵀ", "^\\top");
        return tex.replaceAll("√(d_\\\\text\\{model\\}|d_k|d_v|h)", "\\\\sqrt{$1}");
    }
}
