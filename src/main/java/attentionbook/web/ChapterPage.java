package attentionbook.web;

import attentionbook.book.Chapter;
import attentionbook.book.Recaps;

/**
 * Model of chapter.jte. {@code previous} and {@code next} are null at the ends of the book; {@code recap}
 * lists the symbols it uses from earlier chapters.
 */
public record ChapterPage(Site site, ChapterLink link, Chapter chapter, ChapterLink previous, ChapterLink next,
                          Recaps.Recap recap) {
}
