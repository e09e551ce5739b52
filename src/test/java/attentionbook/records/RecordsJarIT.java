package attentionbook.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store inside the shaded jar: Flyway and the drivers must still find their plugins there. */
class RecordsJarIT {
    @TempDir
    Path dir;

    @Test
    void theShadedJarMigratesAndWritesTheEmbeddedDatabase() throws Exception {
        String classPath = Path.of("target", "attention-textbook.jar") + File.pathSeparator + Path.of("target", "test-classes");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                StoreSmoke.class.getName(), dir.resolve("data").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("attempts of s-1: 1"), out);
        assertTrue(Files.isRegularFile(dir.resolve("data").resolve("records.mv.db")));
    }
}
