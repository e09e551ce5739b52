package attentionbook.book;

/**
 * One symbol of the notation table.
 *
 * @param key     its name as {@link SymbolScanner} writes it: the letter or Greek command, then "_"
 *                and a named subscript ("T", "d_model", "W_Q", "h_kv", "\tau")
 * @param tex     how the table writes it, for KaTeX ("d_\text{model}")
 * @param meaning the row's meaning, text with $...$ math
 */
public record Symbol(String key, String tex, String meaning) {

    /** The id of its meaning on a page: "symbol-d-model", "symbol-W-Q", "symbol-tau" (case kept: m and M differ). */
    public String id() {
        return "symbol-" + key.replace("\\", "").replace('_', '-').replaceAll("[^A-Za-z0-9-]", "");
    }

    /** The symbol as text ("d model"). */
    public String plainName() {
        return TexText.plain(tex);
    }

    /** Its meaning as text, math included. */
    public String plainMeaning() {
        return TexText.plainWithMath(meaning);
    }

    /** The meaning up to its first "; " outside math: "weights; head n's are ..." gives "weights". */
    public String shortMeaning() {
        int dollars = 0;
        for (int i = 0; i < meaning.length(); i++) {
            char c = meaning.charAt(i);
            dollars += c == '$' ? 1 : 0;
            if (c == ';' && dollars % 2 == 0) {
                return meaning.substring(0, i);
            }
        }
        return meaning;
    }
}
