package attentionbook.web;

/** A request the API refuses before computing anything, with the status and the message to answer. */
final class RejectedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RejectedRequest(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
