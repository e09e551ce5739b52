package attentionbook.web;

import java.util.List;

/**
 * Model of instructor/student.jte: one student's every check, oldest first, and the form that deletes
 * their records (with a confirmation step when {@code confirming}).
 *
 * @param href    this page's address (its delete form posts to href/delete)
 * @param deleted how many records were just deleted, or -1 when nothing was
 */
public record StudentPage(Site site, String id, String name, String href, boolean onRoster, List<Line> attempts, boolean confirming, int deleted) {

    /** One check: when, which exercise and numbers, the verdict, the mistake, the help seen before it. */
    public record Line(String time, String exercise, long seed, boolean correct, String mistake, int hints, boolean solution) {
    }
}
