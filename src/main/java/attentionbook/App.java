package attentionbook;

import attentionbook.book.Book;
import attentionbook.book.BookLoader;
import attentionbook.book.ContentError;
import attentionbook.book.Directive;
import attentionbook.book.ExampleDirective;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.web.ExerciseDirective;
import attentionbook.book.InterviewDirective;
import attentionbook.book.RecallDirective;
import attentionbook.book.WidgetDirective;
import attentionbook.book.MarkdownRenderer;
import attentionbook.web.Assets;
import attentionbook.web.AttentionApi;
import attentionbook.web.BookServer;
import attentionbook.web.ClassRecorder;
import attentionbook.web.Classroom;
import attentionbook.web.ClasspathFolder;
import attentionbook.web.StudentRoutes;
import attentionbook.web.TypesetMath;
import attentionbook.web.ExerciseApi;
import attentionbook.web.InstructorKey;
import attentionbook.web.InstructorRoutes;
import attentionbook.web.LabApi;
import attentionbook.web.LabPages;
import attentionbook.model.Lab;
import attentionbook.search.BookDocuments;
import attentionbook.search.IndexBuild;
import attentionbook.search.SearchIndex;
import attentionbook.web.Pages;
import attentionbook.web.SeedPolicy;
import attentionbook.web.ServerSettings;
import attentionbook.web.SearchRoutes;
import attentionbook.web.WidgetApi;
import attentionbook.web.Worksheets;
import io.javalin.Javalin;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Starts the textbook: parse flags, load and render the book, wire the services, listen. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (Options.UsageError e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Javalin app;
        try {
            app = create(options);
        } catch (ContentError e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("The book was not started: fix the mistake above and run again.");
            System.exit(1);
            return;
        } catch (attentionbook.records.RecordsUnavailable e) {
            System.err.println("error: the class records could not be opened: " + e.getMessage());
            System.err.println("The book was not started: check --data or --database and run again.");
            System.exit(1);
            return;
        }
        app.start(options.host(), options.port());
        String host = options.host().equals("0.0.0.0") ? "localhost" : options.host();
        System.out.println("The Attention Textbook is running at http://" + host + ":" + app.port() + options.basePath() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    }

    /** Training runs of the lab at once: one a core. */
    static final int LAB_WORKERS = Runtime.getRuntime().availableProcessors();
    /** Runs that may wait for a worker; more are refused with 503 until one finishes. */
    static final int LAB_QUEUE = 32;
    /** CPU time one run may use: the induction task's default run needs a few minutes of one core. */
    static final Duration LAB_CPU_LIMIT = Duration.ofMinutes(10);

    /** Loads everything first, so a broken chapter stops start-up before a port is opened. */
    public static Javalin create(Options options) {
        return create(options, System.getenv());
    }

    public static Javalin create(Options options, Map<String, String> env) {
        CourseFile course = options.course() == null ? CourseFile.none(env) : CourseFile.load(options.course(), env);
        // The static files are read and compressed beside the book's rendering: neither needs the other.
        CompletableFuture<Assets> assetsLoading = CompletableFuture.supplyAsync(Assets::load);
        CompletableFuture<TypesetMath> mathLoading = CompletableFuture.supplyAsync(TypesetMath::bundled);
        MarkdownRenderer markdown = new MarkdownRenderer(directives());
        Book book = select(loadBook(options, markdown), course);
        // The search index is built once the server listens (or by a search that comes sooner): on two
        // cores, indexing beside the start slowed it (benchmarks README, "Start-up").
        IndexBuild search = new IndexBuild(() -> buildSearch(book));
        String welcome = Welcome.html(course, markdown, book);
        Assets assets = result(assetsLoading);
        Classroom classroom = ClassroomSetup.open(course, options);
        Pages pages = new Pages(book, assets, options.basePath(), course.title(), welcome,
                new SeedPolicy(course.seedPolicy().name(), course.classSeed()), classroom != null, result(mathLoading));
        ServerSettings settings = new ServerSettings(options.basePath(), options.rateLimit(), options.trustProxy(), Version.NUMBER);
        ExerciseCatalog exercises = ExerciseDirective.catalog(book);
        InstructorKey instructor = new InstructorKey(course.instructorKey());
        Lab lab = new Lab(LAB_WORKERS, LAB_QUEUE, LAB_CPU_LIMIT, options.data());
        List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> modules = new ArrayList<>(List.of(
                new AttentionApi(),
                new WidgetApi(),
                new ExerciseApi(exercises, instructor, new ClassRecorder(classroom, java.time.Clock.systemUTC())),
                new Worksheets(exercises, pages, instructor, options.trustProxy()),
                new LabApi(lab),
                new LabPages(pages),
                new SearchRoutes(search, pages),
                new InstructorRoutes(exercises, pages, instructor, classroom, options.trustProxy())));
        if (classroom != null) {
            modules.add(new StudentRoutes(classroom, pages, settings));
        }
        // the records close after the server stopped, so a check still in flight is written first
        return BookServer.create(book, pages, assets, settings, modules, search::start, () -> {
            lab.close();
            if (classroom != null) {
                classroom.records().close();
            }
        });
    }

    /** The value of work done on another thread, or the exception it threw, as if it had been done on this one. */
    private static <T> T result(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static SearchIndex buildSearch(Book book) {
        SearchIndex index = new SearchIndex(BookDocuments.of(book));
        LoggerFactory.getLogger(App.class).info("search index: {} places indexed in {} ms", index.size(), index.buildMillis());
        return index;
    }

    /** The fenced blocks a chapter may use besides code. */
    static Map<String, Directive> directives() {
        return Map.of(
                "example", new ExampleDirective(),
                "recall", new RecallDirective(),
                "interview", new InterviewDirective(),
                "widget", new WidgetDirective(),
                "exercise", new ExerciseDirective());
    }

    /** The bundled book alone, as the server loads it (for tests over the content). */
    public static Book loadBundledBook() {
        return loadBook(Options.parse(new String[0], Map.of()), new MarkdownRenderer(directives()));
    }

    static Book loadBook(Options options, MarkdownRenderer markdown) {
        List<BookLoader.Folder> folders = new ArrayList<>();
        folders.add(new BookLoader.Folder(ClasspathFolder.resolve("book/content"), "content"));
        if (options.content() != null) {
            folders.add(new BookLoader.Folder(options.content(), options.content().toString()));
        }
        return new BookLoader(markdown).load(folders);
    }

    /** The course's reading order, when its file lists chapters. */
    static Book select(Book book, CourseFile course) {
        if (course.chapters() == null) {
            return book;
        }
        try {
            return book.select(course.chapters());
        } catch (Book.NotSelectable e) {
            throw new ContentError(course.source(), course.chapterLines().get(e.index()), "chapters: " + e.getMessage());
        }
    }
}
