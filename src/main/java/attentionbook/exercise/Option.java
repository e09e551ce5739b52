package attentionbook.exercise;

import java.util.List;

/**
 * An option an author may set in a chapter's {@code ```exercise KIND} block: either one word from a
 * list or a whole number in a range, with a default.
 */
public record Option(String name, String help, List<String> words, int min, int max, Object fallback) {

    public static Option words(String name, String help, String fallback, String... words) {
        return new Option(name, help, List.of(words), 0, 0, fallback);
    }

    public static Option number(String name, String help, int fallback, int min, int max) {
        return new Option(name, help, List.of(), min, max, fallback);
    }

    public boolean isNumber() {
        return words.isEmpty();
    }

    /** The value checked: a String from the list or an Integer in range. IllegalArgumentException otherwise. */
    Object validate(Object value) {
        if (isNumber()) {
            if (!(value instanceof Integer number) || number < min || number > max) {
                throw new IllegalArgumentException("\"" + name + "\" must be a whole number from " + min + " to " + max
                        + " (" + help + "), not " + describe(value));
            }
            return number;
        }
        if (!(value instanceof String word) || !words.contains(word)) {
            throw new IllegalArgumentException("\"" + name + "\" must be one of " + quoted(words) + " (" + help + "), not "
                    + describe(value));
        }
        return word;
    }

    /** "\"tokens\": a whole number from 2 to 4, default 3 (how many tokens)" */
    public String describe() {
        String values = isNumber() ? "a whole number from " + min + " to " + max : "one of " + quoted(words);
        return "\"" + name + "\": " + values + ", default " + (isNumber() ? fallback : "\"" + fallback + "\"") + " (" + help + ")";
    }

    private static String quoted(List<String> words) {
        return String.join(", ", words.stream().map(w -> "\"" + w + "\"").toList());
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }
}
