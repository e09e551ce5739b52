package attentionbook.web;

import attentionbook.search.IndexBuild;
import attentionbook.search.SearchIndex;
import attentionbook.search.SearchHit;
import attentionbook.search.SearchRefused;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The book's search: {@code GET /search?q=} renders the results as a page (no script needed) and
 * {@code GET /api/search?q=} answers {@code {"results": [{"title", "section", "href", "snippet"}]}}
 * for the search box's results as you type. A query the index refuses (empty, over-long, no word in
 * it) gets its reason: on the page in place of results, from the API as a 400.
 */
public final class SearchRoutes implements Consumer<RoutesConfig> {
    static final int PAGE_RESULTS = 20;
    static final int API_RESULTS = 8;

    private final IndexBuild index;
    private final Site site;

    /** @param index the index, perhaps still being built: the first searches wait for it */
    public SearchRoutes(IndexBuild index, Pages pages) {
        this.index = index;
        this.site = pages.site();
    }

    @Override
    public void accept(RoutesConfig routes) {
        BookServer.getAndHead(routes, "/search", this::page);
        routes.get("/api/search", this::api);
    }

    private void page(Context ctx) {
        String query = ctx.queryParam("q");
        SearchPage model;
        if (query == null || query.isBlank()) {
            model = new SearchPage(site, "", null, List.of());
        } else {
            try {
                model = new SearchPage(site, query, null, underBase(index.index().search(query, PAGE_RESULTS)));
            } catch (SearchRefused e) {
                model = new SearchPage(site, shown(query), e.getMessage(), List.of());
            }
        }
        boolean refused = model.message() != null;
        Pages.page("search.jte", model).send(ctx, "no-cache");
        if (refused) {
            ctx.status(400); // after send, which answers 200 (or 304 to a matching ETag)
        }
    }

    private void api(Context ctx) {
        String query = ctx.queryParam("q");
        try {
            ApiResponses.ok(ctx, Map.of("results", underBase(index.index().search(query == null ? "" : query, API_RESULTS))));
        } catch (SearchRefused e) {
            throw RejectedRequest.badRequest("q: " + e.getMessage());
        }
    }

    /** An over-long query is not echoed back whole into the page's search box. */
    private static String shown(String query) {
        return query.length() <= SearchIndex.MAX_QUERY_CHARS ? query : query.substring(0, SearchIndex.MAX_QUERY_CHARS);
    }

    private List<SearchHit> underBase(List<SearchHit> hits) {
        return hits.stream().map(h -> new SearchHit(h.title(), h.section(), site.href(h.href()), h.snippet())).toList();
    }
}
