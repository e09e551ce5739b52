package attentionbook.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perSecond} requests a second on average, with bursts of up to
 * twice that, so a widget's quick edits pass while a script hammering the API is slowed. The
 * server keeps no other state, so several instances each limit on their own.
 */
public final class RateLimiter {
    private static final long NANOS = 1_000_000_000L;
    private static final long FORGET_AFTER = 60 * NANOS;

    private final double perSecond;
    private final double capacity;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier clock) {
        this.perSecond = perSecond;
        this.capacity = 2.0 * perSecond;
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    /** @return 0 when the request may go ahead, else the whole seconds to wait before the next one */
    public long acquire(String client) {
        long now = clock.getAsLong();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perSecond / NANOS);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    /** Forgets clients idle for a minute, so the map does not grow without bound. */
    private void sweep(long now) {
        if (now - lastSweep < FORGET_AFTER) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().updated > FORGET_AFTER);
    }

    int clients() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        volatile long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
