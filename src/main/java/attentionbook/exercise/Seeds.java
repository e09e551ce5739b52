package attentionbook.exercise;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seeds as people type them: a whole number from 0 to {@link #MAX}, or one derived from a
 * student's name or ID, so an instructor can give every student their own numbers by link.
 */
public final class Seeds {
    public static final long MAX = 999_999_999L;
    public static final int MAX_STUDENT_LENGTH = 64;
    /** The seed a page uses when nobody chose one. */
    public static final long DEFAULT = 1;

    private Seeds() {
    }

    /** A fresh seed, for new numbers: 1 … MAX. */
    public static long random() {
        return ThreadLocalRandom.current().nextLong(1, MAX + 1);
    }

    /** IllegalArgumentException with a message fit to show, when the text is not a seed. */
    public static long parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the seed is empty: give a whole number from 0 to " + MAX);
        }
        if (!trimmed.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("the seed must be a whole number from 0 to " + MAX + ", not \""
                    + shorten(trimmed) + "\"");
        }
        long seed = Long.parseLong(trimmed);
        if (seed > MAX) {
            throw new IllegalArgumentException("the seed " + trimmed + " is too large: give a whole number from 0 to " + MAX);
        }
        return seed;
    }

    /**
     * A stable seed for a student: the same name or ID always gives the same seed, on every server,
     * however it is typed: {@link #studentKey} decides which spellings are the same name. FNV-1a over
     * the key's UTF-8 bytes, folded into 1 … MAX.
     */
    public static long forStudent(String student) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : studentKey(student).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return 1 + Math.floorMod(hash, MAX);
    }

    /**
     * What a seed is derived from: the name as {@link #normalStudent} writes it, case-folded, so
     * "Ada  Lovelace", " ada lovelace" and "ADA LOVELACE" are one student. Upper then lower case
     * folds the letters lower case alone misses (ß and SS, the final sigma).
     */
    public static String studentKey(String student) {
        return normalStudent(student).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * The student as a sheet's header prints it: Unicode-normalised (NFKC, so a letter typed on
     * another keyboard is the same letter), trimmed, every run of spaces or tabs one space.
     * IllegalArgumentException when empty, too long or holding a line break or other control character.
     */
    public static String normalStudent(String student) {
        String text = Normalizer.normalize(student == null ? "" : student, Normalizer.Form.NFKC);
        String collapsed = text.replaceAll("[\\t\\p{Zs}]+", " ").strip();
        if (collapsed.isEmpty()) {
            throw new IllegalArgumentException("the student name or ID is empty");
        }
        if (collapsed.length() > MAX_STUDENT_LENGTH) {
            throw new IllegalArgumentException("the student name or ID is too long: at most " + MAX_STUDENT_LENGTH + " characters");
        }
        if (collapsed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the student name or ID contains control characters");
        }
        return collapsed;
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
