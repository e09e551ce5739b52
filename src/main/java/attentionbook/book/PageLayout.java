package attentionbook.book;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Reshapes a parsed chapter for the page's layout before it is written as HTML: inline math is
 * joined to the punctuation touching it, so a line never starts with a lone ")" or ":" left behind
 * by the math before it; and a table gets a box of its own that scrolls sideways on a phone.
 */
final class PageLayout {
    private PageLayout() {
    }

    /** Inline math with the characters that touch it, kept on one line ({@code <span class="math-run">}). */
    static final class MathRun extends CustomNode {
    }

    /** The box a wide table scrolls in, so the table itself keeps its table layout. */
    static final class TableScroll extends CustomBlock {
    }

    static void arrange(Node document) {
        List<MathNodes.InlineMath> maths = new ArrayList<>();
        List<TableBlock> tables = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof MathNodes.InlineMath math) {
                    maths.add(math);
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock table) {
                    tables.add(table);
                }
                visitChildren(block);
            }
        });
        maths.forEach(PageLayout::joinTouchingText);
        for (TableBlock table : tables) {
            TableScroll box = new TableScroll();
            table.insertBefore(box);
            box.appendChild(table);
        }
    }

    /** Moves the text glued to the math (up to the nearest space on each side) into one run with it. */
    private static void joinTouchingText(MathNodes.InlineMath math) {
        String before = math.getPrevious() instanceof Text t ? t.getLiteral().substring(afterLastSpace(t.getLiteral())) : "";
        String after = math.getNext() instanceof Text t ? t.getLiteral().substring(0, firstSpace(t.getLiteral())) : "";
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        MathRun run = new MathRun();
        math.insertBefore(run);
        if (!before.isEmpty()) {
            Text previous = (Text) run.getPrevious();
            run.appendChild(new Text(before));
            shorten(previous, previous.getLiteral().substring(0, previous.getLiteral().length() - before.length()));
        }
        Node next = math.getNext();
        run.appendChild(math);
        if (!after.isEmpty()) {
            Text following = (Text) next;
            run.appendChild(new Text(after));
            shorten(following, following.getLiteral().substring(after.length()));
        }
    }

    private static void shorten(Text text, String rest) {
        if (rest.isEmpty()) {
            text.unlink();
        } else {
            text.setLiteral(rest);
        }
    }

    private static int afterLastSpace(String s) {
        int i = s.length();
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int firstSpace(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
