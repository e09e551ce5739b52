package attentionbook.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store inside the shaded jar: Flyway and the drivers must still find their plugins there. */
class RecordsJarIT {
    @TempDir
    Path dir;

    @Test
    void theShadedJarMigratesAndWritesTheEmbeddedDatabase() throws Exception {
        String out = smoke(dir.resolve("data").toString());
        assertTrue(out.contains("attempts of s-1: 1"), out);
        assertTrue(Files.isRegularFile(dir.resolve("data").resolve("records.mv.db")));
    }

    /** Flyway's PostgreSQL support is a plugin of its own jar, found through a service file the shade must merge. */
    @Test
    void theShadedJarMigratesAndWritesPostgresql() throws Exception {
        try (LocalPostgres server = LocalPostgres.start()) {
            String out = smoke(dir.resolve("unused").toString(), server.newDatabase());
            assertTrue(out.contains("attempts of s-1: 1"), out);
            assertTrue(out.contains("PostgreSQL"), out);
        }
    }

    private static String smoke(String... args) throws Exception {
        String classPath = Path.of("target", "attention-textbook.jar") + File.pathSeparator + Path.of("target", "test-classes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, StoreSmoke.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
