package attentionbook.records;

/** A mistake in a roster file, at a line (from 1; 0 when the file as a whole is wrong). */
public final class RosterError extends RuntimeException {
    private final String source;
    private final int line;
    private final String problem;

    public RosterError(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
        this.problem = message;
    }

    /** What is wrong, without the "file:line: " the message starts with. */
    public String problem() {
        return problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
