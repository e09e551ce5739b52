package attentionbook.records;

/** Where one student stands on one exercise: how many checks, and whether any was correct. */
public record Progress(String studentId, String exercise, int attempts, boolean solved) {
}
