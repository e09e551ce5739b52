package attentionbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from the version.properties that Maven writes at build time. */
final class Version {
    static final String NUMBER = read();

    private Version() {
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/attentionbook/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
