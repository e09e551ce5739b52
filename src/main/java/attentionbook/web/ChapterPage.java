package attentionbook.web;

import attentionbook.book.Chapter;

/** Model of chapter.jte. {@code previous} and {@code next} are null at the ends of the book. */
public record ChapterPage(Site site, ChapterLink link, Chapter chapter, ChapterLink previous, ChapterLink next) {
}
