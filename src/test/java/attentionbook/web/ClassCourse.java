package attentionbook.web;

import attentionbook.BookServerExtension;
import attentionbook.RunningBook;
import attentionbook.records.Attempt;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.StudentLinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A course with a roster for the class-records tests: a course file and roster.csv in a folder of its
 * own, the records under its data folder, and the test fixture's exercises (ids = kind names).
 */
final class ClassCourse {
    static final String KEY = "correct-horse-battery";
    static final String ROSTER = "id,name\ns001,Ada Lovelace\ns002,Alan Turing\n";

    final Path folder;
    final Path data;

    ClassCourse(Path folder, String seedPolicy) {
        this.folder = folder;
        this.data = folder.resolve("data");
        try {
            Files.writeString(folder.resolve("roster.csv"), ROSTER);
            Files.writeString(folder.resolve("course.yaml"), "title: Records test\ninstructor_key: " + KEY
                    + "\nseed_policy: " + seedPolicy + "\nroster: roster.csv\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RunningBook start() {
        return RunningBook.start("--rate-limit", "0", "--course", folder.resolve("course.yaml").toString(),
                "--data", data.toString(), "--content", BookServerExtension.resource("/books/exercises"));
    }

    static String token(String studentId) {
        return new StudentLinks(KEY).token(studentId);
    }

    /** The student cookie a link sets, as "name=value" for a Cookie header. */
    static String cookieOf(HttpResponse<?> response) {
        String set = response.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie was set"));
        return set.substring(0, set.indexOf(';'));
    }

    static HttpResponse<String> get(RunningBook book, String path, String cookie) {
        return book.send(HttpRequest.newBuilder(URI.create(book.url(path))).header("Cookie", cookie).GET().build());
    }

    static HttpResponse<String> post(RunningBook book, String path, String cookie, String json) {
        return book.send(HttpRequest.newBuilder(URI.create(book.url(path))).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Every attempt in the data folder's store, read after the server has stopped. */
    List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>();
        try (ClassRecords records = RecordStores.open(null, data)) {
            records.eachAttempt(all::add);
        }
        return all;
    }
}
