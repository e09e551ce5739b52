package attentionbook.records;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded database on a disk that fills up (a 2 MiB tmpfs, so this needs root and mount; it is
 * skipped elsewhere): every failure is {@link RecordsUnavailable}, never another exception type, and
 * once there is room again the store records again and has lost no check that had returned.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small disk needs root");
        mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString()) == 0;
        assumeTrue(mounted, "this machine does not let the test mount a tmpfs");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", dir.toString());
        }
    }

    @Test
    void aFullDiskAnswersRecordsUnavailableAndRecordingResumesWhenSpaceIsFreed() throws Exception {
        // room kept back, to free once the disk is full
        Path filler = Files.write(dir.resolve("filler"), new byte[512 * 1024]);
        ClassRecords records = RecordStores.open(null, dir.resolve("data"));
        RecordsUnavailable full = null;
        String exercise = "x".repeat(190);
        int written = 0;
        try {
            for (int n = 0; n < 100_000 && full == null; n++) {
                try {
                    records.record(new Attempt("s-" + n, exercise + n % 10, n, Instant.now(), false, "m".repeat(200), 0, false));
                    written++;
                } catch (RecordsUnavailable e) {
                    full = e;
                }
            }
            assertNotNull(full, "2 MiB filled up after " + written + " checks");
            assertTrue(full.getMessage().startsWith("the class records on the embedded database in " + dir.resolve("data")
                    + " could not be written: "), full.getMessage());
            // what follows a failure fails the same way, or works: never another exception
            for (int n = 0; n < 5; n++) {
                try {
                    records.record(new Attempt("late", "e", n, Instant.now(), true, null, 0, false));
                    records.progress();
                } catch (RecordsUnavailable expected) {
                    // the disk is still full
                }
            }
            Files.delete(filler);
            records.record(new Attempt("after", "e", 1, Instant.now(), true, null, 0, false));
            assertEquals(1, records.history("after").size());
            int kept = records.progress().stream().filter(p -> p.studentId().startsWith("s-")).mapToInt(Progress::attempts).sum();
            assertTrue(kept >= written, kept + " of the " + written + " checks that had returned are kept");
        } finally {
            records.close();
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
