package attentionbook.web;

import attentionbook.records.ClassRecords;
import attentionbook.records.Roster;
import attentionbook.records.StudentLinks;

/**
 * A course that gave a roster: its students, their signed personal links, and the records of their
 * checks. A book without a roster has none (null where it is passed): nothing is recorded.
 */
public record Classroom(Roster roster, StudentLinks links, ClassRecords records) {
}
