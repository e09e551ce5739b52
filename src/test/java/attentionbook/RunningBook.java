package attentionbook;

import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The real server, started on a free loopback port exactly as {@code java -jar} would start it. */
public final class RunningBook implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Javalin app;
    private boolean stopped;

    private RunningBook(Javalin app) {
        this.app = app;
    }

    public static RunningBook start(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--port", "0", "--host", "127.0.0.1"}, 0, all, args.length, 4);
        Options options = Options.parse(all, Map.of());
        Javalin app = App.create(options);
        app.start(options.host(), options.port());
        return new RunningBook(app);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server; closing twice is harmless. */
    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            app.stop();
        }
    }
}
