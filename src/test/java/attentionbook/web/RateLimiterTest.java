package attentionbook.web;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstOfTwiceTheRateThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(5, now::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.acquire("a"), "request " + (i + 1) + " of the burst");
        }
        assertEquals(1, limiter.acquire("a"), "the 11th must wait");
        assertEquals(0, limiter.acquire("b"), "another client has its own bucket");
        now.addAndGet(SECOND / 5);
        assertEquals(0, limiter.acquire("a"), "one token back after a fifth of a second");
        assertEquals(1, limiter.acquire("a"));
    }

    @Test
    void forgetsIdleClients() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(1, now::get);
        limiter.acquire("a");
        limiter.acquire("b");
        assertEquals(2, limiter.clients());
        now.addAndGet(61 * SECOND);
        limiter.acquire("c");
        assertEquals(1, limiter.clients());
    }
}
