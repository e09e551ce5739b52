package attentionbook.book;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of a question directive: entries that each start with {@code Q:}, followed by
 * other labelled fields ({@code A:}, or {@code Strong:}, {@code Wrong:}, {@code Why:}). A field runs
 * until the next label; its text is markdown.
 */
final class QuestionBlocks {
    private static final Pattern LABEL = Pattern.compile("^([A-Z][a-z]*):(?:\\s(.*))?$");

    // A line that starts with a capitalised word and a colon is a label; an unknown one is a typo
    // ("Answer:" for "A:"), reported rather than swallowed into the text above it.

    /** A field's markdown and the body line (1-based from the fence) where it starts. */
    record Field(String markdown, int line) {
    }

    private QuestionBlocks() {
    }

    static List<Map<String, Field>> parse(String body, List<String> labels) {
        List<Map<String, Field>> entries = new ArrayList<>();
        Map<String, Field> current = null;
        String label = null;
        StringBuilder text = new StringBuilder();
        int start = 0;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            Matcher m = i < lines.length ? LABEL.matcher(lines[i]) : null;
            boolean isLabel = m != null && m.matches() && labels.contains(m.group(1));
            if (m != null && m.matches() && !isLabel) {
                throw new DirectiveException("unknown label \"" + m.group(1) + ":\" (expected one of "
                        + String.join(", ", labels.stream().map(l -> l + ":").toList()) + ")", i + 1);
            }
            if (i == lines.length || isLabel) {
                if (label != null) {
                    current.put(label, new Field(text.toString().strip(), start));
                }
                if (i == lines.length) {
                    break;
                }
                label = m.group(1);
                if (label.equals(labels.get(0))) {
                    current = new LinkedHashMap<>();
                    entries.add(current);
                } else if (current == null) {
                    throw new DirectiveException("each entry starts with \"" + labels.get(0) + ":\"", i + 1);
                } else if (current.containsKey(label)) {
                    throw new DirectiveException("\"" + label + ":\" appears twice in one entry", i + 1);
                }
                text.setLength(0);
                text.append(m.group(2) == null ? "" : m.group(2)).append('\n');
                start = i + 1;
            } else if (label != null) {
                text.append(lines[i]).append('\n');
            } else if (!lines[i].isBlank()) {
                throw new DirectiveException("each entry starts with \"" + labels.get(0) + ":\"", i + 1);
            }
        }
        if (entries.isEmpty()) {
            throw new DirectiveException("the block is empty: write \"" + labels.get(0) + ": ...\" entries");
        }
        for (Map<String, Field> entry : entries) {
            for (String required : labels) {
                if (!entry.containsKey(required) || entry.get(required).markdown().isBlank()) {
                    Field q = entry.get(labels.get(0));
                    throw new DirectiveException("this entry has no \"" + required + ":\"", q.line());
                }
            }
        }
        return entries;
    }

    /** Renders one field, shifting a fragment's error to the field's line in the block. */
    static String html(Directive.Block block, Field field) {
        try {
            return block.markdown().toHtml(field.markdown());
        } catch (DirectiveException e) {
            throw new DirectiveException(e.getMessage(), field.line() + e.lineInBody());
        }
    }
}
