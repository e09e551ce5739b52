package attentionbook.records;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store on the embedded H2 database, in a fresh folder for each test. */
class H2RecordsTest extends ClassRecordsContract {
    @TempDir
    Path dir;

    @Override
    ClassRecords openEmpty() {
        return RecordStores.open(null, dir.resolve("attention-data"));
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(RecordStores.embeddedUrl(dir.resolve("attention-data")), "sa", "");
    }

    @Test
    void createsTheFolderAndMigratesOnce() {
        assertTrue(Files.isRegularFile(dir.resolve("attention-data").resolve("records.mv.db")));
        assertEquals(2, ((SqlRecords) store).migrationsApplied());
        store.record(check("a", "e1", 1, 0, false, "m1"));
        store.hintViewed("a", "e1", 1, 2, T0);
        store.close();
        // a restart: the same folder keeps everything, and the schema is not built again
        store = openEmpty();
        assertEquals(0, ((SqlRecords) store).migrationsApplied());
        assertEquals(List.of(check("a", "e1", 1, 0, false, "m1")), store.history("a"));
        assertEquals(2, store.record(check("a", "e1", 1, 1, true, null)).hintsViewed());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "not a folder");
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> RecordStores.open(null, file));
        assertTrue(e.getMessage().startsWith("cannot create the records folder " + file), e.getMessage());
        Path under = file.resolve("data");
        e = assertThrows(RecordsUnavailable.class, () -> RecordStores.open(null, under));
        assertTrue(e.getMessage().startsWith("cannot create the records folder " + under), e.getMessage());
    }

    @Test
    void aFolderWithASemicolonIsRefusedByName() {
        Path odd = dir.resolve("a;b");
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> RecordStores.open(null, odd));
        assertEquals("the records folder " + odd + " has a ';' in its path, which the embedded database cannot take:"
                + " choose another --data folder", e.getMessage());
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamed() {
        // not writable even by root, unlike a chmod'ed folder
        Path proc = Path.of("/proc/attention-data");
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> RecordStores.open(null, proc));
        assertTrue(e.getMessage().startsWith("cannot create the records folder /proc/attention-data"), e.getMessage());
    }

    @Test
    void upgradingADatabaseOfTheFirstSchemaCountsItsAttemptsIntoTheTotals() throws SQLException, IOException {
        store.close();
        Path old = dir.resolve("v1");
        Files.createDirectories(old);
        String url = RecordStores.embeddedUrl(old);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO attempts (student_id, exercise, seed, at, correct, mistake, hints_viewed, solution_viewed)"
                    + " VALUES ('a', 'e1', 1, TIMESTAMP '2026-12-01 10:00:00', FALSE, 'm1', 0, FALSE),"
                    + " ('a', 'e1', 1, TIMESTAMP '2026-12-01 10:01:00', TRUE, NULL, 1, FALSE),"
                    + " ('b', 'e1', 2, TIMESTAMP '2026-12-01 10:02:00', FALSE, 'm1', 0, TRUE)");
        }
        store = RecordStores.open(null, old);
        assertEquals(1, ((SqlRecords) store).migrationsApplied());
        assertEquals(List.of(new Progress("a", "e1", 2, true), new Progress("b", "e1", 1, false)), store.progress());
        assertEquals(List.of(new MistakeCount("e1", "m1", 2)), store.mistakes());
    }
}
