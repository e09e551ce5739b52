package attentionbook.web;

import java.util.List;

/**
 * What every page shares: the book's name, where it is mounted, the asset fingerprint and the
 * table of contents. Every link a template writes goes through {@link #href} or {@link #asset}, so
 * the book works under a path prefix. {@code classRecords} is true when the course has a roster, so
 * the pages' scripts ask who is signed in.
 */
public record Site(String title, String basePath, String assetVersion, List<ChapterLink> toc, SeedPolicy seeds,
                   boolean classRecords) {

    public static final String BOOK_TITLE = "The Attention Textbook";

    public List<ChapterLink> chapters() {
        return toc.stream().filter(l -> !l.reference()).toList();
    }

    public List<ChapterLink> references() {
        return toc.stream().filter(ChapterLink::reference).toList();
    }

    public String href(String path) {
        return basePath + path;
    }

    public String asset(String path) {
        return basePath + "/static/" + assetVersion + "/" + path;
    }
}
