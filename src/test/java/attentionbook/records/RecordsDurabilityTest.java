package attentionbook.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A check that has returned is in the file, however the process ends: stopped with SIGTERM while
 * writing (the store closed by a shutdown hook), or killed outright with SIGKILL (no hook, no close).
 */
class RecordsDurabilityTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void everyCheckThatReturnedSurvivesTheProcess(String signal) throws Exception {
        Path data = dir.resolve("data");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreWriter.class.getName(), data.toString(),
                signal.equals("SIGTERM") ? "hook" : "no-hook");
        Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        int returned = 0;
        for (String line; returned < 150 && (line = out.readLine()) != null; ) {
            if (line.startsWith("recorded ")) {
                returned = Integer.parseInt(line.substring("recorded ".length()));
            }
        }
        assertEquals(150, returned, "the writer got going");
        // through the handle: Process.destroy would also close the output still to be read
        if (signal.equals("SIGTERM")) {
            writer.toHandle().destroy();
        } else {
            writer.toHandle().destroyForcibly();
        }
        // what it printed before the signal took effect also returned, so it counts too
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("recorded ")) {
                returned = Integer.parseInt(line.substring("recorded ".length()));
            }
        }
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        try (ClassRecords records = RecordStores.open(null, data)) {
            int kept = records.history("s-1").size();
            assertTrue(kept >= returned, kept + " checks kept of " + returned + " that had returned (" + signal + ")");
            assertTrue(kept <= returned + 1, "at most the one check in flight more: " + kept + " of " + returned);
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderIsToldItIsInUse() throws Exception {
        Path data = dir.resolve("data");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreWriter.class.getName(), data.toString(), "hook")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("recorded 1", out.readLine());
            RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> RecordStores.open(null, data));
            assertEquals("the records folder " + data.toAbsolutePath() + " is in use by another process (another book server?):"
                    + " give each server its own --data folder, or share one --database postgresql://...", e.getMessage());
        } finally {
            writer.destroy();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
