package attentionbook.records;

/** How many recorded checks of an exercise were diagnosed with one mistake. */
public record MistakeCount(String exercise, String mistake, int count) {
}
