package attentionbook.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** A folder on the classpath as a {@link Path}, whether the classes sit in a directory or inside the jar. */
public final class ClasspathFolder {
    private ClasspathFolder() {
    }

    /** A folder or file on the classpath. Some jars list no folder entries: resolve a file in them instead. */
    public static Path resolve(String folder) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("the classpath has no " + folder + ": was the jar built with mvn package?");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return jar.getPath(uri.getSchemeSpecificPart().substring(uri.getSchemeSpecificPart().indexOf("!") + 1));
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open classpath folder " + folder, e));
        }
    }
}
