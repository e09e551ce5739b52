package attentionbook.web;

import attentionbook.search.SearchHit;

import java.util.List;

/**
 * Model of search.jte.
 *
 * @param query   what the reader typed ("" for none)
 * @param message why nothing was searched, or null
 * @param hits    the results, best first (hrefs already under the base path)
 */
public record SearchPage(Site site, String query, String message, List<SearchHit> hits) {
}
