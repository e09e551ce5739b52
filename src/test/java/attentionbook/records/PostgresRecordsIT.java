package attentionbook.records;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same store on a real PostgreSQL server, one fresh database for each test. An integration test
 * (failsafe, {@code mvn verify}): starting a cluster and a database a test takes about 20 s on 2 cores.
 */
class PostgresRecordsIT extends ClassRecordsContract {
    private static LocalPostgres server;
    private String address;

    @BeforeAll
    static void startServer() throws Exception {
        server = LocalPostgres.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    ClassRecords openEmpty() {
        address = server.newDatabase();
        return RecordStores.open(address, null);
    }

    @Override
    Connection rawConnection() throws SQLException {
        return server.connect(URI.create(address).getPath().substring(1));
    }

    @Test
    void aRestartedServerFindsItsRecordsAndDoesNotMigrateAgain() {
        store.record(check("a", "e1", 1, 0, false, "m1"));
        store.close();
        store = RecordStores.open(address, null);
        assertEquals(0, ((SqlRecords) store).migrationsApplied());
        assertEquals(List.of(check("a", "e1", 1, 0, false, "m1")), store.history("a"));
    }

    @Test
    void twoBookInstancesWritingAtOnceLoseNothing() throws Exception {
        int perInstance = 500;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (ClassRecords other = RecordStores.open(address, null)) {
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (ClassRecords instance : List.of(store, other)) {
                for (int t = 0; t < 4; t++) {
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < perInstance / 4; i++) {
                            int n = next.getAndIncrement();
                            instance.record(new Attempt("s" + n % 50, "e" + n % 7, n, Instant.EPOCH.plusSeconds(n),
                                    n % 3 == 0, n % 3 == 0 ? null : "m" + n % 2, 0, false));
                        }
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            AtomicInteger seen = new AtomicInteger();
            long seeds = other.progress().stream().mapToLong(Progress::attempts).sum();
            store.eachAttempt(a -> seen.incrementAndGet());
            assertEquals(2 * perInstance, seen.get());
            assertEquals(2 * perInstance, seeds);
            assertEquals(2 * perInstance * 2 / 3, other.mistakes().stream().mapToInt(MistakeCount::count).sum());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDatabaseThatRefusesConnectionsAnswersRecordsUnavailableWithinSecondsUntilItIsBack() throws Exception {
        String name = URI.create(address).getPath().substring(1);
        server.execute("postgres", "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        server.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        long start = System.nanoTime();
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> store.record(check("a", "e1", 1, 0, true, null)));
        assertTrue(e.getMessage().startsWith("the class records on PostgreSQL at 127.0.0.1:"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "answered within 10 s");
        assertThrows(RecordsUnavailable.class, store::progress);
        // the database is back: so are the records, without a restart, once the pool has new connections
        server.execute("postgres", "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        long back = System.nanoTime();
        while (true) {
            try {
                store.record(check("a", "e1", 1, 1, true, null));
                break;
            } catch (RecordsUnavailable stillDown) {
                assertTrue(System.nanoTime() - back < 30_000_000_000L, "recording again within 30 s: " + stillDown.getMessage());
            }
        }
        assertEquals(List.of(new Progress("a", "e1", 1, true)), store.progress());
    }

    @Test
    void aServerThatIsNotThereIsNamedWithoutThePassword() {
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class,
                () -> RecordStores.open("postgresql://book:s3cret@127.0.0.1:1/records", null));
        assertTrue(e.getMessage().startsWith("cannot open the class records on PostgreSQL at 127.0.0.1:1/records: "), e.getMessage());
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
    }
}
