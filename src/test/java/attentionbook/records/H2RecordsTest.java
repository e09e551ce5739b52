package attentionbook.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void createsTheFolderAndMigratesOnce() {
        assertTrue(Files.isRegularFile(dir.resolve("attention-data").resolve("records.mv.db")));
        assertEquals(1, ((SqlRecords) store).migrationsApplied());
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
    void aFolderThatCannotBeWrittenIsNamed() {
        // not writable even by root, unlike a chmod'ed folder
        Path proc = Path.of("/proc/attention-data");
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> RecordStores.open(null, proc));
        assertTrue(e.getMessage().startsWith("cannot create the records folder /proc/attention-data"), e.getMessage());
    }
}
