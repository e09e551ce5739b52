package attentionbook.search;

/** A query the search will not run, with a sentence a reader can act on. */
public final class SearchRefused extends RuntimeException {
    public SearchRefused(String message) {
        super(message);
    }
}
