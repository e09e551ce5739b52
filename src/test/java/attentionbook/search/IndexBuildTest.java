package attentionbook.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class IndexBuildTest {
    private static SearchIndex tiny() {
        return new SearchIndex(List.of(new SearchDocument("Softmax", "", "/chapters/softmax", SearchDocument.Kind.CHAPTER, "Softmax",
                "softmax turns scores into weights")));
    }

    @Test
    void nothingIsBuiltUntilStartedOrAskedFor() {
        AtomicInteger builds = new AtomicInteger();
        IndexBuild build = new IndexBuild(() -> {
            builds.incrementAndGet();
            return tiny();
        });
        assertEquals(0, builds.get());
        SearchIndex index = build.index();           // a search before the server started it
        assertEquals(1, builds.get());
        assertSame(index, build.start().join(), "starting later hands over the same index");
        assertEquals(1, builds.get(), "built once");
        assertEquals("/chapters/softmax", index.search("softmax", 5).get(0).href());
    }

    @Test
    void aSearchDuringTheBuildWaitsForItAndNothingBuildsTwice() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        IndexBuild build = new IndexBuild(() -> {
            builds.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tiny();
        });
        var started = build.start();
        assertFalse(started.isDone(), "the build runs on another thread");
        Thread searcher = new Thread(build::index);
        searcher.start();
        release.countDown();
        searcher.join(10_000);
        assertEquals(1, builds.get());
        assertEquals(1, build.index().search("weights", 5).size());
    }
}
