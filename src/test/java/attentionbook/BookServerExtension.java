package attentionbook;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server for all the tests of a class: started before the first, stopped after the last.
 * <pre>
 * {@literal @}RegisterExtension
 * static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");
 * </pre>
 * It answers like the {@link RunningBook} it runs ({@code book.get("/health")}); {@link #running()} is that
 * RunningBook, for code that takes one.
 */
public final class BookServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final String[] args;
    private RunningBook book;

    /** @param args command-line options, as {@link RunningBook#start} takes them */
    public BookServerExtension(String... args) {
        this.args = args.clone();
    }

    /** The file-system path of a test resource, such as "/books/widgets", for --content or --course. */
    public static String resource(String name) {
        URL url = BookServerExtension.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " has no file path", e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        book = RunningBook.start(args);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (book != null) {
            book.close();     // also stops the lab's training runs
            book = null;
        }
    }

    public RunningBook running() {
        if (book == null) {
            throw new IllegalStateException("the server runs only while the class's tests do");
        }
        return book;
    }

    public String url(String path) {
        return running().url(path);
    }

    public HttpResponse<String> get(String path) {
        return running().get(path);
    }

    public HttpResponse<String> post(String path, String json) {
        return running().post(path, json);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return running().send(request);
    }
}
