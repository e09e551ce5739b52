package attentionbook.book;

/**
 * One row's symbol of the notation table.
 *
 * @param key     its name as the scanner writes it: the letter, or a Greek command, then "_" and a
 *                named subscript ("T", "d_model", "W_Q", "h_kv", "\tau")
 * @param tex     how the table writes it, for KaTeX ("d_\text{model}")
 * @param meaning the row's meaning, markdown with $...$ math
 */
public record Symbol(String key, String tex, String meaning) {

    /** An id for the page, made of letters, digits and dashes ("symbol-d-model", "symbol-tau"). */
    public String id() {
        return "symbol-" + key.replace("\\", "").replace('_', '-').replaceAll("[^A-Za-z0-9-]", "").toLowerCase(java.util.Locale.ROOT)
                + (key.chars().anyMatch(Character::isUpperCase) && key.length() == 1 ? "-upper" : "");
    }
}
