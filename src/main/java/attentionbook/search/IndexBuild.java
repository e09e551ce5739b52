package attentionbook.search;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The book's search index, built once on another thread: from {@link #start()}, which the server calls
 * once it listens (indexing beside the start slowed the start on two cores), or from the first search
 * that comes sooner. Searches asked for while it is built wait for it.
 */
public final class IndexBuild {
    private final Supplier<SearchIndex> build;
    private CompletableFuture<SearchIndex> started;

    public IndexBuild(Supplier<SearchIndex> build) {
        this.build = build;
    }

    /** Starts the build unless it has started; the same future every call. */
    public synchronized CompletableFuture<SearchIndex> start() {
        if (started == null) {
            started = CompletableFuture.supplyAsync(build);
        }
        return started;
    }

    /** The index, built now if nothing started it. */
    public SearchIndex index() {
        return start().join();
    }
}
