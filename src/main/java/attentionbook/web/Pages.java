package attentionbook.web;

import attentionbook.book.Book;
import attentionbook.book.Chapter;
import attentionbook.book.Recaps;
import attentionbook.book.Templates;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every page of the book rendered once, at start-up, through the precompiled jte templates. The
 * book does not change while the server runs, so a request only copies prepared bytes.
 */
public final class Pages {
    private static final String HTML = "text/html; charset=utf-8";

    private final Site site;
    private final PreparedBody index;
    private final Map<String, PreparedBody> chapters = new HashMap<>();
    private final PreparedBody notFound;
    private final PreparedBody serverError;

    /**
     * @param courseTitle the course's title, shown instead of the book's (null for none)
     * @param welcomeHtml the course's welcome, rendered from its markdown (null for none)
     * @param seeds       how exercises choose their numbers when the address names no seed
     */
    public Pages(Book book, Assets assets, String basePath, String courseTitle, String welcomeHtml, SeedPolicy seeds) {
        this(book, assets, basePath, courseTitle, welcomeHtml, seeds, false);
    }

    /** @param classRecords true when the course has a roster: pages then show who is signed in */
    public Pages(Book book, Assets assets, String basePath, String courseTitle, String welcomeHtml, SeedPolicy seeds,
                 boolean classRecords) {
        this(book, assets, basePath, courseTitle, welcomeHtml, seeds, classRecords, TypesetMath.bundled());
    }

    /** @param math the formulas typeset at build time, put into the chapters in place of their TeX */
    public Pages(Book book, Assets assets, String basePath, String courseTitle, String welcomeHtml, SeedPolicy seeds,
                 boolean classRecords, TypesetMath math) {
        List<ChapterLink> toc = new java.util.ArrayList<>();
        int number = 0;
        for (Chapter c : book.chapters()) {
            toc.add(new ChapterLink(c.reference() ? 0 : ++number, c.slug(), c.title(), c.summary(),
                    basePath + "/chapters/" + c.slug(), c.reference()));
        }
        this.site = new Site(courseTitle == null ? Site.BOOK_TITLE : courseTitle, basePath, assets.version(), List.copyOf(toc), seeds, classRecords);
        this.index = page("index.jte", new IndexPage(site, welcomeHtml));
        Recaps recaps = new Recaps(book);
        for (Chapter c : book.allChapters()) {
            // A chapter a course leaves out of its reading order is still served, unnumbered.
            ChapterLink link = linkTo(c.slug()).orElse(new ChapterLink(0, c.slug(), c.title(), c.summary(),
                    basePath + "/chapters/" + c.slug(), c.reference()));
            ChapterLink previous = book.previous(c).flatMap(p -> linkTo(p.slug())).orElse(null);
            ChapterLink next = book.next(c).flatMap(n -> linkTo(n.slug())).orElse(null);
            String html = Templates.render("chapter.jte", new ChapterPage(site, link, c, previous, next, recaps.of(c)));
            chapters.put(c.slug(), PreparedBody.of(math.page(html).getBytes(StandardCharsets.UTF_8), HTML));
        }
        this.notFound = page("error.jte", new ErrorPage(site, 404, "Page not found",
                "There is no page at this address. It may have been renamed, or the link may have a typo."));
        this.serverError = page("error.jte", new ErrorPage(site, 500, "Something went wrong",
                "The server could not build this page. The problem has been logged; please try again in a moment."));
    }

    public Site site() {
        return site;
    }

    public PreparedBody index() {
        return index;
    }

    public Optional<PreparedBody> chapter(String slug) {
        return Optional.ofNullable(chapters.get(slug));
    }

    public PreparedBody notFound() {
        return notFound;
    }

    public PreparedBody serverError() {
        return serverError;
    }

    private Optional<ChapterLink> linkTo(String slug) {
        return site.toc().stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    static PreparedBody page(String template, Object model) {
        return PreparedBody.of(Templates.render(template, model).getBytes(StandardCharsets.UTF_8), HTML);
    }
}
