package attentionbook.book;

/**
 * A fenced block in a chapter that is not code but an instruction to the book, such as
 * {@code ```widget qkv} or {@code ```example}. It is rendered once, at start-up; a mistake in it
 * throws {@link DirectiveException} and stops the book from loading.
 */
@FunctionalInterface
public interface Directive {
    /**
     * @return the HTML that takes the block's place; it is trusted, so escape anything that came from the body
     */
    String render(Block block);

    /**
     * One use of a directive.
     *
     * @param argument the rest of the fence's info string after the directive name ("qkv" in "widget qkv"), maybe empty
     * @param body     the block's text
     * @param markdown renders a piece of markdown (with math and {{calc}}) for directives that hold prose
     */
    record Block(String argument, String body, Fragments markdown) {
    }

    /** Markdown inside a directive: errors come back as a {@link DirectiveException} with the fragment's line. */
    @FunctionalInterface
    interface Fragments {
        String toHtml(String markdown);
    }
}
