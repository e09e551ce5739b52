package attentionbook.web;

import java.util.List;

/** Model of instructor/mistakes.jte: per chapter, the class's most frequent diagnosed mistakes. */
public record MistakesPage(Site site, boolean roster, List<Chapter> chapters) {

    public record Chapter(String title, String href, List<Line> mistakes) {
    }

    /** A mistake on one exercise and how many checks were diagnosed with it. */
    public record Line(String exercise, String mistake, int count) {
    }
}
