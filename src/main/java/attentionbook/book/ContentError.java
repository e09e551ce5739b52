package attentionbook.book;

/**
 * A mistake in a content file, reported the way a compiler would: {@code file:line: what is wrong}.
 * Loading stops at the first one, so the server never starts with half a book.
 */
public final class ContentError extends RuntimeException {
    private final String file;
    private final int line;

    public ContentError(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the mistake belongs to the whole file. */
    public int line() {
        return line;
    }
}
