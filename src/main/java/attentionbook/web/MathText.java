package attentionbook.web;

import java.util.ArrayList;
import java.util.List;

/**
 * An exercise's sentence cut into plain text and math (the TeX between $ signs), so that a template
 * writes the math as {@code <span class="math">} for the page's math module to typeset, as in the
 * chapters, and escapes both parts like any other text.
 */
public record MathText(String text, boolean math) {

    public static List<MathText> parts(String sentence) {
        List<MathText> parts = new ArrayList<>();
        String[] pieces = sentence.split("\\$", -1);
        for (int i = 0; i < pieces.length; i++) {
            boolean math = i % 2 == 1 && i < pieces.length - 1;   // an unclosed $ stays text
            String piece = math || i % 2 == 0 ? pieces[i] : "$" + pieces[i];
            if (!piece.isEmpty()) {
                parts.add(new MathText(piece, math));
            }
        }
        return parts;
    }
}
