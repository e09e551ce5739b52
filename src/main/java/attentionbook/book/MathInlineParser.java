package attentionbook.book;

import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.Set;

/**
 * Reads {@code $tex$} (and {@code $$tex$$} inside a paragraph) before markdown sees the TeX, so
 * underscores and asterisks in {@code $W_Q$} or {@code $a*b$} stay math. A {@code $} followed by a
 * space is an ordinary dollar; a dollar sign before a digit is written {@code \$}.
 */
final class MathInlineParser implements InlineContentParser {

    static final class Factory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return new MathInlineParser();
        }
    }

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        scanner.next(); // the opening '$'
        boolean display = scanner.next('$');
        String delimiter = display ? "$$" : "$";
        char first = scanner.peek();
        if (first == Scanner.END || Character.isWhitespace(first)) {
            scanner.setPosition(start);
            return ParsedInline.none();
        }
        StringBuilder tex = new StringBuilder();
        while (scanner.hasNext()) {
            char c = scanner.peek();
            if (c == '\\') { // keep TeX escapes such as \$ or \{ whole
                scanner.next();
                tex.append(c);
                if (scanner.hasNext()) {
                    tex.append(scanner.peek());
                    scanner.next();
                }
                continue;
            }
            if (c == '$' && closesHere(scanner, display, tex)) {
                return ParsedInline.of(new MathNodes.InlineMath(tex.toString().strip()), scanner.position());
            }
            tex.append(c);
            scanner.next();
        }
        // No closing delimiter in this paragraph: leave a marker so the loader reports the line.
        scanner.setPosition(start);
        scanner.next();
        if (display) {
            scanner.next();
        }
        return ParsedInline.of(new MathNodes.UnclosedMath(delimiter), scanner.position());
    }

    private static boolean closesHere(Scanner scanner, boolean display, CharSequence tex) {
        if (tex.length() == 0 || Character.isWhitespace(tex.charAt(tex.length() - 1))) {
            return false;
        }
        Position at = scanner.position();
        scanner.next();
        if (display && !scanner.next('$')) {
            scanner.setPosition(at);
            return false;
        }
        return true;
    }
}
