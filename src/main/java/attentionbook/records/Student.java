package attentionbook.records;

/** One line of a course's roster: the id the instructor's records use and the name shown beside it. */
public record Student(String id, String name) {
}
