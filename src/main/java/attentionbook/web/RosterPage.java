package attentionbook.web;

import java.util.List;

/**
 * Model of roster.jte: the form where an instructor pastes a class's names to print every student's
 * sheet or key in one document.
 *
 * @param error    what is wrong with the last submission, or null
 * @param keyField true when the course keeps answer keys behind an instructor key (the form then points to the login)
 */
public record RosterPage(Site site, String error, String names, List<Choice> chapters, boolean answers, boolean keyField) {

    /** A chapter with exercises, as an option of the chapter list. */
    public record Choice(String slug, String title, boolean selected) {
    }
}
