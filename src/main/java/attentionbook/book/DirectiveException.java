package attentionbook.book;

/**
 * Thrown by a {@link Directive} when its block is wrong. The loader adds the file and line:
 * {@code lineInBody} counts from the fence line (0) downwards.
 */
public final class DirectiveException extends RuntimeException {
    private final int lineInBody;

    public DirectiveException(String problem) {
        this(problem, 0);
    }

    public DirectiveException(String problem, int lineInBody) {
        super(problem);
        this.lineInBody = lineInBody;
    }

    public int lineInBody() {
        return lineInBody;
    }
}
