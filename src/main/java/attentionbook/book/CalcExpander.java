package attentionbook.book;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every {@code {{ expression }}} in a chapter body with its computed value before the
 * markdown is parsed, so the value can sit in prose, in a table or inside math. Fenced code blocks
 * are left alone.
 */
final class CalcExpander {
    private static final Pattern CALL = Pattern.compile("\\{\\{(.*?)}}");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");

    private CalcExpander() {
    }

    static String expand(String file, String body, int firstLine) {
        String[] lines = body.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher f = FENCE.matcher(lines[i]);
            if (f.find()) {
                String marker = f.group(1);
                if (fence == null) {
                    fence = marker;
                    continue;
                }
                if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length() && lines[i].strip().equals(marker)) {
                    fence = null;
                    continue;
                }
            }
            if (fence != null || !lines[i].contains("{{")) {
                continue;
            }
            lines[i] = expandLine(file, lines[i], firstLine + i);
        }
        return String.join("\n", lines);
    }

    private static String expandLine(String file, String line, int lineNumber) {
        Matcher m = CALL.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                value = Calc.evaluateAndFormat(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new ContentError(file, lineNumber, "cannot compute {{" + m.group(1) + "}}: " + e.getMessage());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new ContentError(file, lineNumber, "\"{{\" is never closed by \"}}\" on this line");
        }
        return out.toString();
    }
}
