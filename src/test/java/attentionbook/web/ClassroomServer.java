package attentionbook.web;

import attentionbook.App;
import attentionbook.book.Book;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.Roster;
import attentionbook.records.StudentLinks;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled book with the instructor routes over a real roster and a real embedded store in a
 * temporary folder, until App wires a course's roster itself. {@link #KEY} is the instructor key.
 */
public final class ClassroomServer implements AutoCloseable {
    public static final String KEY = "teacher-only-key";
    public static final ExerciseCatalog CATALOG;
    private static final Book BOOK = App.loadBundledBook();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static {
        CATALOG = ExerciseDirective.catalog(BOOK);
    }

    public final Classroom room;
    final Pages pages;
    private final Javalin app;

    /** @param rosterCsv the roster's text, header line first; null for a course without a roster */
    public ClassroomServer(Path dir, String rosterCsv, String basePath) {
        this.room = rosterCsv == null ? null : classroom(dir, rosterCsv);
        InstructorKey key = new InstructorKey(KEY);
        this.pages = new Pages(BOOK, Assets.load(), basePath, null, null, new SeedPolicy("open", 0));
        ServerSettings settings = new ServerSettings(basePath, 0, false, "test");
        this.app = BookServer.create(BOOK, pages, Assets.load(), settings, List.of(
                new ExerciseApi(CATALOG, key),
                new Worksheets(CATALOG, pages, key, false),
                new InstructorRoutes(CATALOG, pages, key, room, false)), () -> {
                    if (room != null) {
                        room.records().close();
                    }
                });
        app.start("127.0.0.1", 0);
    }

    static Classroom classroom(Path dir, String rosterCsv) {
        try {
            Path roster = dir.resolve("roster.csv");
            Files.writeString(roster, rosterCsv, StandardCharsets.UTF_8);
            ClassRecords records = RecordStores.open(null, dir.resolve("data"));
            return new Classroom(Roster.read(roster), new StudentLinks(KEY), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> asInstructor(String path) {
        return get(path, "X-Instructor-Key", KEY);
    }

    HttpResponse<String> postForm(String path, String form, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
