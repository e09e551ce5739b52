package attentionbook;

import attentionbook.book.Book;
import attentionbook.book.Chapter;
import attentionbook.book.ContentError;
import attentionbook.book.MarkdownRenderer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A course's welcome, rendered for the contents page. It is written like a chapter, so a link names a
 * chapter by its slug ("scores", "scaling#the-problem"); from the contents page such a link must go to
 * "chapters/scores", and a slug or heading that does not exist stops start-up at its line, as in a chapter.
 */
final class Welcome {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern EXERCISE = Pattern.compile("(?m)^[ \\t]*(`{3,}|~{3,})[ \\t]*exercise\\b");

    private Welcome() {
    }

    static String html(CourseFile course, MarkdownRenderer markdown, Book book) {
        if (course.welcome() == null) {
            return null;
        }
        Matcher exercise = EXERCISE.matcher(course.welcome());
        if (exercise.find()) {
            throw new ContentError(course.source(), lineOf(course, exercise.start()),
                    "an exercise belongs in a chapter, not in the welcome: the contents page does not check answers");
        }
        String html = markdown.render(course.source(), course.welcome(), course.welcomeLine()).html();
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            String resolved = href;
            if (!href.isEmpty() && !href.contains(":") && !href.startsWith("/") && !href.startsWith("#")) {
                check(course, book, href);
                resolved = "chapters/" + m.group(1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + (resolved.equals(href) ? m.group(1) : resolved) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void check(CourseFile course, Book book, String href) {
        String slug = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
        Optional<Chapter> target = book.chapter(slug);
        String problem = null;
        if (target.isEmpty()) {
            problem = "the link to \"" + href + "\" names no chapter (chapters: "
                    + String.join(", ", book.allChapters().stream().map(Chapter::slug).toList()) + ")";
        } else if (!anchor.isEmpty() && !target.get().html().contains("id=\"" + anchor + "\"")) {
            problem = "the link to \"" + href + "\" names no heading of " + target.get().source();
        }
        if (problem != null) {
            int at = course.welcome().indexOf("](" + href);
            throw new ContentError(course.source(), at < 0 ? course.welcomeLine() : lineOf(course, at), problem);
        }
    }

    /** The course file's line of a character of the welcome's text. */
    private static int lineOf(CourseFile course, int index) {
        int line = course.welcomeLine();
        for (int i = 0; i < index; i++) {
            if (course.welcome().charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
