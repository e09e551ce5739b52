package attentionbook.web;

import attentionbook.book.Mappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's formulas as KaTeX typeset them at build time ({@code src/build/typeset-math.mjs}), put
 * into a page in place of the TeX, so a chapter arrives with its math ready: no KaTeX to load and no
 * typesetting on the reader's phone. A formula the build did not see (an instructor's own chapter)
 * keeps its TeX, and the page's math module typesets it in the browser as before.
 */
public final class TypesetMath {
    /** Where the build writes the typeset formulas (absent when the build had no Node.js). */
    public static final String RESOURCE = "book/math/typeset.json";
    /** A formula element exactly as the book's renderers write it: TeX as escaped text, nothing nested. */
    private static final Pattern FORMULA = Pattern.compile("<(span|div) class=\"(math(?: display)?(?: has-symbols)?)\"([^>]*)>([^<]*)</\\1>");
    /** No formula typeset ahead: every page typesets its math in the browser. */
    public static final TypesetMath NONE = new TypesetMath(Map.of());

    private static volatile TypesetMath bundled;

    private final Map<String, String> formulas;

    TypesetMath(Map<String, String> formulas) {
        this.formulas = Map.copyOf(formulas);
    }

    /** The formulas typeset when this jar was built; {@link #NONE} if the build could not typeset them. */
    public static TypesetMath bundled() {
        if (bundled == null) {
            bundled = load();
        }
        return bundled;
    }

    private static TypesetMath load() {
        try (InputStream in = TypesetMath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            return new TypesetMath(Mappers.JSON.readValue(in, Built.class).formulas());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The build's file: the KaTeX version that typeset the formulas, and each formula's HTML by key. */
    private record Built(String katex, Map<String, String> formulas) {
    }

    /** How many formulas this holds (a display formula counts twice: on one line and broken). */
    public int size() {
        return formulas.size();
    }

    /**
     * The page with each formula it holds typeset, marked {@code data-typeset} as the browser's
     * typesetting marks it. A display formula also carries its TeX ({@code data-tex}) and, in a
     * {@code <template>}, the same formula broken across lines, for fit.js to swap in on a narrow screen.
     */
    public String page(String html) {
        Matcher m = FORMULA.matcher(html);
        StringBuilder out = new StringBuilder(html.length() * 3);
        while (m.find()) {
            Formula f = Formula.at(m, html);
            String typeset = formulas.get(f.key());
            String broken = f.display() ? formulas.get("B:" + f.tex()) : "";
            if (typeset == null || broken == null) {
                continue;
            }
            m.appendReplacement(out, "");
            out.append('<').append(m.group(1)).append(" class=\"").append(m.group(2)).append('"').append(m.group(3))
                    .append(" data-typeset=\"true\"");
            if (f.display()) {
                out.append(" data-tex=\"").append(escape(f.tex())).append('"');
            }
            out.append('>').append(typeset);
            if (f.display()) {
                out.append("<template class=\"math-broken\">").append(broken).append("</template>");
            }
            out.append("</").append(m.group(1)).append('>');
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The formulas a page holds, by key, in page order: what the build gives KaTeX. */
    public static Map<String, Formula> formulasIn(String html) {
        Map<String, Formula> found = new LinkedHashMap<>();
        Matcher m = FORMULA.matcher(html);
        while (m.find()) {
            Formula f = Formula.at(m, html);
            found.putIfAbsent(f.key(), f);
        }
        return found;
    }

    /**
     * One formula of a page. form is "display", "tail" (inline math directly followed by the
     * punctuation that touches it, whose last box math.js keeps on the punctuation's line) or "inline".
     */
    public record Formula(String tex, String form) {
        static Formula at(Matcher m, String html) {
            String tex = unescape(m.group(4));
            if (m.group(2).contains("display")) {
                return new Formula(tex, "display");
            }
            int after = m.end();
            boolean touched = after < html.length() && html.charAt(after) != '<' && !Character.isWhitespace(html.charAt(after));
            return new Formula(tex, touched ? "tail" : "inline");
        }

        boolean display() {
            return form.equals("display");
        }

        String key() {
            return Character.toUpperCase(form.charAt(0)) + ":" + tex;
        }
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
