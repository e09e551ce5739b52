package attentionbook.records;

/**
 * The records could not be written or read (the database is down, the disk is full). The web layer
 * answers a student "your answer was checked but could not be recorded" and never a 500.
 */
public final class RecordsUnavailable extends RuntimeException {
    public RecordsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
