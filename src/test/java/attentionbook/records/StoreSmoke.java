package attentionbook.records;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Opens the store, records one check and reads it back: run by {@code RecordsJarIT} on the shaded jar's
 * class path, where Flyway's database plugins and the JDBC drivers are found only through merged
 * META-INF/services files.
 */
public final class StoreSmoke {
    private StoreSmoke() {
    }

    public static void main(String[] args) {
        try (ClassRecords records = RecordStores.open(args.length > 1 ? args[1] : null, Path.of(args[0]))) {
            records.record(new Attempt("s-1", "softmax-row", 3, Instant.parse("2026-12-03T09:00:00Z"), true, null, 0, false));
            System.out.println("attempts of s-1: " + records.history("s-1").size());
        }
    }
}
