package attentionbook.book;

import org.commonmark.node.Block;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Display math that starts a line with {@code $$} and runs until a line ending in {@code $$}.
 * Markdown never sees the lines in between.
 */
final class MathBlockParser extends AbstractBlockParser {
    private final MathNodes.DisplayMath block = new MathNodes.DisplayMath();
    private boolean firstLine = true;

    static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            int from = state.getNextNonSpaceIndex();
            if (line.length() - from >= 2 && line.charAt(from) == '$' && line.charAt(from + 1) == '$') {
                return BlockStart.of(new MathBlockParser()).atIndex(from);
            }
            return BlockStart.none();
        }
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return block.closed ? BlockContinue.finished() : BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(SourceLine line) {
        String text = line.getContent().toString();
        if (firstLine) {
            text = text.strip().substring(2); // drop the opening $$
            firstLine = false;
        }
        String stripped = text.strip();
        if (stripped.endsWith("$$")) {
            text = stripped.substring(0, stripped.length() - 2);
            block.closed = true;
        }
        if (!text.isBlank()) {
            block.tex.append(text.strip()).append('\n');
        }
    }
}
