package attentionbook.web;

/**
 * A request the learner or their browser got wrong: answered with 400 and a message that names the
 * field (and, for an answer cell, its row and column, 1-based).
 */
final class BadRequest extends RuntimeException {
    final Integer row;
    final Integer col;

    BadRequest(String message) {
        this(message, null, null);
    }

    BadRequest(String message, Integer row, Integer col) {
        super(message);
        this.row = row;
        this.col = col;
    }
}
