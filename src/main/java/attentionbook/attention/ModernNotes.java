package attentionbook.attention;

import static attentionbook.attention.Notation.columnRange;

/** The words an explanation adds for grouped-query heads, sliding windows and rotary positions (prose 1-based). */
final class ModernNotes {

    private ModernNotes() {
    }

    /** "; it shares key head 1 (columns 1–2 of K) with query heads 1–2", or "" when every query head has its own. */
    static String keyGroup(AttentionSpec spec, int head) {
        if (spec.kvHeads() == spec.heads()) {
            return "";
        }
        int group = spec.kvGroup(head);
        return "; it reads key/value group " + (group + 1) + " (" + columnRange(group * spec.headWidth(), spec.headWidth())
                + " of K), shared by " + sharers(spec, group);
    }

    /** "; head 2 uses columns 3–4 of V", or with groups "; head 2 reads group 1's values, columns 1–2 of V". */
    static String valueColumns(AttentionSpec spec, int head, int group, int dv) {
        if (spec.heads() == 1) {
            return "";
        }
        if (spec.kvHeads() == spec.heads()) {
            return "; head " + (head + 1) + " uses " + columnRange(head * dv, dv) + " of V";
        }
        return "; head " + (head + 1) + " reads the values of key/value group " + (group + 1) + ", "
                + columnRange(group * dv, dv) + " of V, shared by " + sharers(spec, group);
    }

    /** "; q and k are rotated by their positions first (token 3 is at position 2, token 1 at 0)". */
    static String rotation(AttentionSpec spec, int row, int col) {
        if (!spec.rope()) {
            return "";
        }
        return "; q̃ and k̃ are q and k turned by their positions (RoPE): token " + (row + 1) + " at position " + row
                + ", token " + (col + 1) + " at position " + col + ", so the score depends on the offset "
                + (col - row);
    }

    /** Why a cell is hidden: after the row, or too far back for the window. */
    static String hiddenReason(AttentionSpec spec, int row, int col) {
        if (CausalMask.hidden(row, col)) {
            return "j > i: token " + (col + 1) + " is hidden from row " + (row + 1) + " (causal mask)";
        }
        return "j ≤ i − w: token " + (col + 1) + " is " + (row - col) + " back from row " + (row + 1)
                + ", outside the window of " + spec.window() + " (row " + (row + 1) + " sees tokens "
                + Math.max(1, row + 2 - spec.window()) + "–" + (row + 1) + ")";
    }

    /** Why a cell is visible under the mask. */
    static String visibleReason(AttentionSpec spec, int row, int col) {
        if (spec.window() > 0) {
            return "i − w < j ≤ i: token " + (col + 1) + " is inside row " + (row + 1) + "'s window of " + spec.window()
                    + " (the mask adds 0)";
        }
        return "j ≤ i: token " + (col + 1) + " is visible from row " + (row + 1) + " (causal mask adds 0)";
    }

    private static String sharers(AttentionSpec spec, int group) {
        int per = spec.heads() / spec.kvHeads();
        int first = group * per + 1;
        return per == 1 ? "query head " + first : "query heads " + first + "–" + (first + per - 1);
    }
}
