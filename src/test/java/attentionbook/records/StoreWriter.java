package attentionbook.records;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A process that records checks one after another and prints how many have returned, until it is
 * killed; {@code RecordsDurabilityTest} kills it and counts what the database kept. With the argument
 * {@code hook} it closes the store from a shutdown hook, as the server does on SIGTERM.
 */
public final class StoreWriter {
    private StoreWriter() {
    }

    public static void main(String[] args) {
        ClassRecords records = RecordStores.open(null, Path.of(args[0]));
        if (args.length > 1 && args[1].equals("hook")) {
            Runtime.getRuntime().addShutdownHook(new Thread(records::close, "close-records"));
        }
        for (int n = 1; ; n++) {
            try {
                records.record(new Attempt("s-1", "e1", n, Instant.now(), n % 2 == 0, null, 0, false));
            } catch (RecordsUnavailable closing) {
                return; // the hook closed the store under this loop: the last check never returned
            }
            System.out.println("recorded " + n);
            System.out.flush();
        }
    }
}
