package attentionbook.web;

/**
 * A request the API or a page refuses, with the status to answer and a message that names what is wrong
 * and where: the field in the message, and for a cell of a learner's answer its row and column (1-based),
 * which the browser uses to mark the cell. The core's own exceptions are translated into this in one
 * place, {@link ApiResponses#refusal}.
 */
final class RejectedRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Integer row;
    private final Integer col;

    RejectedRequest(int status, String message) {
        this(status, message, null, null);
    }

    RejectedRequest(int status, String message, Integer row, Integer col) {
        super(message);
        this.status = status;
        this.row = row;
        this.col = col;
    }

    /** 400, the usual refusal: the request itself is wrong. */
    static RejectedRequest badRequest(String message) {
        return new RejectedRequest(400, message);
    }

    /** 400 for one cell of a learner's answer (row and col 1-based; col null for a whole row). */
    static RejectedRequest badCell(String message, int row, Integer col) {
        return new RejectedRequest(400, message, row, col);
    }

    int status() {
        return status;
    }

    Integer row() {
        return row;
    }

    Integer col() {
        return col;
    }
}
