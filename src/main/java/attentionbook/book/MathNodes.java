package attentionbook.book;

import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;

/** The markdown tree's nodes for TeX math; the browser typesets them with KaTeX. */
final class MathNodes {
    private MathNodes() {
    }

    /** {@code $...$} inside a paragraph. */
    static final class InlineMath extends CustomNode {
        final String tex;
        /** The notation table's symbols in it, whose meanings the page offers on hover and focus. */
        java.util.List<Symbol> symbols = java.util.List.of();

        InlineMath(String tex) {
            this.tex = tex;
        }
    }

    /** {@code $$...$$}, a block of its own. */
    static final class DisplayMath extends CustomBlock {
        final StringBuilder tex = new StringBuilder();
        boolean closed;
        java.util.List<Symbol> symbols = java.util.List.of();
    }

    /** A {@code $} that opens math never closed; reported with its line after parsing. */
    static final class UnclosedMath extends CustomNode {
        final String delimiter;

        UnclosedMath(String delimiter) {
            this.delimiter = delimiter;
        }
    }

    /** A directive block already rendered to trusted HTML. */
    static final class RenderedDirective extends CustomBlock {
        final String html;

        RenderedDirective(String html) {
            this.html = html;
        }
    }
}
