package attentionbook.web;

import java.util.List;

/**
 * Model of lab.jte: the tasks a reader may train, each with the server's own defaults, and the chapter
 * that explains what the lab shows (null when the book has no such chapter).
 */
public record LabPage(Site site, List<LabTask> tasks, ChapterLink chapter) {
}
