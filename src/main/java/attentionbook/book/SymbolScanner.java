package attentionbook.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the symbols a piece of TeX uses. The rule is deliberately simple, so that the notation page
 * can state it: a symbol is one Latin letter or one Greek-letter command ({@code \tau}), with its
 * subscript when the subscript is one letter ({@code d_k}, {@code W_Q}) or a word in {@code \text}
 * ({@code d_\text{model}}); the letter alone counts when the table has no row for the pair
 * ({@code q_i}, {@code x_T} and {@code T_\text{text}} use q, x and T).
 * A superscript is read like the rest ({@code ^{(n)}} uses the index n), and the words inside
 * {@code \text{...}} and {@code \operatorname{...}} outside a subscript are words, not symbols.
 * Other subscripts are indexes ({@code S_{ij}}, {@code p_{t,2m}}): they leave the letter alone.
 * {@code O(} is big-O, not the output. Blackboard letters ({@code \mathbb{R}}, {@code \mathbb{E}}) name sets and operators, not symbols.
 */
public final class SymbolScanner {
    /** Greek letters that may stand for a quantity; other commands (\sqrt, \cdot, \sum) are operators. */
    static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta",
            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "varphi", "chi",
            "psi", "omega", "ell", "Gamma", "Delta", "Theta", "Lambda", "Pi", "Sigma", "Phi", "Psi", "Omega");
    private static final Set<String> WORDS = Set.of("text", "operatorname", "mathrm", "textbf", "textit", "mathit",
            "mathbb", "label", "tag", "htmlClass", "begin", "end");

    private SymbolScanner() {
    }

    /**
     * The symbols in {@code tex} in order of appearance, each as its candidate names ({@link
     * Symbol#key()} form), the fullest first: {@code d_k} gives ["d_k", "d"], {@code S_{ij}} gives
     * ["S"]. {@link SymbolTable} keeps the first name it knows.
     */
    public static List<List<String>> scan(String tex) {
        List<List<String>> found = new ArrayList<>();
        int i = 0;
        int n = tex.length();
        while (i < n) {
            char c = tex.charAt(i);
            if (c == '\\') {
                int end = i + 1;
                while (end < n && Character.isLetter(tex.charAt(end))) {
                    end++;
                }
                String command = tex.substring(i + 1, end);
                if (command.isEmpty()) {
                    i = Math.min(n, end + 1);   // \{ \, \\ and the like
                } else if (WORDS.contains(command)) {
                    i = skipGroup(tex, end);
                } else if (GREEK.contains(command)) {
                    i = named(tex, end, "\\" + command, found);
                } else {
                    i = end;
                }
            } else if (c == 'O' && i + 1 < n && tex.charAt(i + 1) == '(') {
                i++;   // big-O, as in O(T^2 d): a cost, not the output O
            } else if (isLatin(c)) {
                i = named(tex, i + 1, String.valueOf(c), found);
            } else {
                i++;
            }
        }
        return found;
    }

    /** A letter at {@code base} read, then its subscript if any: adds the candidate names, returns where it ends. */
    private static int named(String tex, int at, String base, List<List<String>> found) {
        if (at >= tex.length() || tex.charAt(at) != '_') {
            found.add(List.of(base));
            return at;
        }
        int end = skipArgument(tex, at + 1);
        String written = tex.substring(at + 1, end);
        String sub = written.replaceAll("\\\\(text|mathrm)\\s*", "").replaceAll("[{}\\s]", "");
        boolean word = written.contains("\\text") || written.contains("\\mathrm");
        if (sub.matches("[A-Za-z]+") && (word || sub.length() == 1)) {
            found.add(List.of(base + "_" + sub, base));
        } else {
            found.add(List.of(base));
        }
        return end;
    }

    /** Past one argument: a {group}, a \command (with its {group} if it is \text and the like), or one character. */
    private static int skipArgument(String tex, int at) {
        while (at < tex.length() && tex.charAt(at) == ' ') {
            at++;
        }
        if (at >= tex.length()) {
            return at;
        }
        char c = tex.charAt(at);
        if (c == '{') {
            return skipGroup(tex, at);
        }
        if (c == '\\') {
            int end = at + 1;
            while (end < tex.length() && Character.isLetter(tex.charAt(end))) {
                end++;
            }
            String command = tex.substring(at + 1, end);
            return WORDS.contains(command) ? skipGroup(tex, end) : Math.max(end, at + 2);
        }
        return at + 1;
    }

    /** Past a {group} starting at {@code at} (after spaces), nested braces included; unchanged if none. */
    private static int skipGroup(String tex, int at) {
        while (at < tex.length() && tex.charAt(at) == ' ') {
            at++;
        }
        if (at >= tex.length() || tex.charAt(at) != '{') {
            return at;
        }
        int depth = 0;
        for (int i = at; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return tex.length();
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
