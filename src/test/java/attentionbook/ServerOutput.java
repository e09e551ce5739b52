package attentionbook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the server in this JVM writes to standard error while this is open: slf4j-simple writes its
 * log there, the access log ("INFO access - GET /path 200 3.1ms") included. The output still reaches
 * the console as it comes, so a failing test's log is not lost.
 */
public final class ServerOutput implements AutoCloseable {
    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private ServerOutput() {
        original = System.err;
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                captured.write(bytes, off, len);
                original.write(bytes, off, len);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; close to give standard error back. */
    public static ServerOutput capture() {
        return new ServerOutput();
    }

    /** Everything written so far. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The access log's lines written so far. */
    public List<String> accessLines() {
        return text().lines().filter(line -> line.contains(" access - ")).toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
