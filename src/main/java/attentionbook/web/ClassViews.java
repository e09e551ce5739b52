package attentionbook.web;

import attentionbook.exercise.Declaration;
import attentionbook.exercise.ExerciseCatalog;
import attentionbook.records.Attempt;
import attentionbook.records.MistakeCount;
import attentionbook.records.Progress;
import attentionbook.records.Student;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds the instructor pages' models from the class's records: one query each, shaped here. */
final class ClassViews {
    static final int TOP_MISTAKES = 3;
    static final int REPORT_MISTAKES = 10;
    static final List<String> SORTS = List.of("name", "id", "solved");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ExerciseCatalog catalog;
    private final Site site;
    private final Map<String, String> titles = new HashMap<>();

    ClassViews(ExerciseCatalog catalog, Site site) {
        this.catalog = catalog;
        this.site = site;
        for (Declaration d : catalog.all()) {
            titles.put(d.id(), d.kind().title());   // an exercise's title is its kind's, whatever the seed
        }
    }

    String title(String exercise) {
        return titles.getOrDefault(exercise, exercise);
    }

    /**
     * @param chapter a chapter's slug, or "" for every chapter (IllegalArgumentException when no chapter with exercises has it)
     * @param sort    one of {@link #SORTS}
     * @param links   each roster student's personal link
     */
    DashboardPage dashboard(Classroom room, String chapter, String sort, Function<Student, String> links) {
        List<DashboardPage.Choice> chapterChoices = new ArrayList<>();
        chapterChoices.add(new DashboardPage.Choice("", "Every chapter", chapter.isEmpty()));
        for (ExerciseCatalog.ChapterExercises c : catalog.chapters()) {
            chapterChoices.add(new DashboardPage.Choice(c.chapter().slug(), c.chapter().title(), c.chapter().slug().equals(chapter)));
        }
        List<DashboardPage.Choice> sorts = List.of(new DashboardPage.Choice("name", "Name", sort.equals("name")),
                new DashboardPage.Choice("id", "Student ID", sort.equals("id")),
                new DashboardPage.Choice("solved", "Solved, most first", sort.equals("solved")));
        if (room == null) {
            return new DashboardPage(site, false, chapter, sort, chapterChoices, sorts, List.of(), List.of(), List.of());
        }
        List<ExerciseCatalog.ChapterExercises> shown = chapter.isEmpty() ? catalog.chapters()
                : List.of(catalog.chapter(chapter).orElseThrow(() -> new IllegalArgumentException("no chapter with exercises is called \"" + chapter + "\"")));

        Map<String, Progress> progress = new HashMap<>();
        for (Progress p : room.records().progress()) {
            progress.put(p.studentId() + "\u0000" + p.exercise(), p);
        }
        Map<String, List<DashboardPage.Mistake>> mistakes = new HashMap<>();
        for (MistakeCount m : room.records().mistakes()) {
            List<DashboardPage.Mistake> top = mistakes.computeIfAbsent(m.exercise(), e -> new ArrayList<>());
            if (top.size() < TOP_MISTAKES) {
                top.add(new DashboardPage.Mistake(m.mistake(), m.count()));
            }
        }

        List<Declaration> exercises = new ArrayList<>();
        List<String> chapterOf = new ArrayList<>();
        for (ExerciseCatalog.ChapterExercises c : shown) {
            for (Declaration d : c.exercises()) {
                exercises.add(d);
                chapterOf.add(c.chapter().title());
            }
        }
        int[] solvedPerExercise = new int[exercises.size()];
        List<DashboardPage.Row> rows = new ArrayList<>();
        for (Student s : room.roster().students()) {
            List<DashboardPage.Cell> cells = new ArrayList<>(exercises.size());
            // an exercise two chapters declare has one id and two columns, but is one exercise solved
            Set<String> solved = new HashSet<>();
            for (int i = 0; i < exercises.size(); i++) {
                Progress p = progress.get(s.id() + "\u0000" + exercises.get(i).id());
                cells.add(cell(p));
                if (p != null && p.solved()) {
                    solved.add(p.exercise());
                    solvedPerExercise[i]++;
                }
            }
            rows.add(new DashboardPage.Row(s.id(), s.name(), studentHref(s.id()), solved.size(), cells));
        }
        rows.sort(switch (sort) {
            case "id" -> Comparator.comparing(DashboardPage.Row::id);
            case "solved" -> Comparator.comparingInt(DashboardPage.Row::solved).reversed().thenComparing(DashboardPage.Row::name, String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(DashboardPage.Row::name, String.CASE_INSENSITIVE_ORDER).thenComparing(DashboardPage.Row::id);
        });
        List<DashboardPage.Column> columns = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            String id = exercises.get(i).id();
            columns.add(new DashboardPage.Column(id, title(id), chapterOf.get(i), solvedPerExercise[i], mistakes.getOrDefault(id, List.of())));
        }
        List<DashboardPage.Link> linkList = room.roster().students().stream()
                .map(s -> new DashboardPage.Link(s.id(), s.name(), links.apply(s))).toList();
        return new DashboardPage(site, true, chapter, sort, chapterChoices, sorts, columns, rows, linkList);
    }

    private static DashboardPage.Cell cell(Progress p) {
        if (p == null || p.attempts() == 0) {
            return NOT_STARTED;
        }
        String checks = p.attempts() == 1 ? "1 check" : p.attempts() + " checks";
        return p.solved() ? new DashboardPage.Cell("solved", "✓ " + p.attempts(), "solved (" + checks + ")")
                : new DashboardPage.Cell("attempted", "✗ " + p.attempts(), "attempted, not solved (" + checks + ")");
    }

    private static final DashboardPage.Cell NOT_STARTED = new DashboardPage.Cell("not-started", "–", "not started");

    String studentHref(String id) {
        return site.href("/instructor/students/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    StudentPage student(Classroom room, String id, boolean confirming, int deleted) {
        String name = room.roster().find(id).map(Student::name).orElse(null);
        List<StudentPage.Line> lines = room.records().history(id).stream().map(this::line).toList();
        return new StudentPage(site, id, name == null ? id : name, studentHref(id), name != null, lines, confirming, deleted);
    }

    private StudentPage.Line line(Attempt a) {
        return new StudentPage.Line(TIME.format(a.time().truncatedTo(ChronoUnit.MINUTES)), title(a.exercise()), a.seed(), a.correct(),
                a.mistake(), a.hintsViewed(), a.solutionViewed());
    }

    MistakesPage mistakes(Classroom room) {
        if (room == null) {
            return new MistakesPage(site, false, List.of());
        }
        Map<String, List<MistakeCount>> byExercise = new LinkedHashMap<>();
        for (MistakeCount m : room.records().mistakes()) {
            byExercise.computeIfAbsent(m.exercise(), e -> new ArrayList<>()).add(m);
        }
        List<MistakesPage.Chapter> chapters = new ArrayList<>();
        for (ExerciseCatalog.ChapterExercises c : catalog.chapters()) {
            List<MistakesPage.Line> lines = new ArrayList<>();
            for (Declaration d : c.exercises()) {
                for (MistakeCount m : byExercise.getOrDefault(d.id(), List.of())) {
                    lines.add(new MistakesPage.Line(title(d.id()), m.mistake(), m.count()));
                }
            }
            lines.sort(Comparator.comparingInt(MistakesPage.Line::count).reversed());
            chapters.add(new MistakesPage.Chapter(c.chapter().title(), site.href("/chapters/" + c.chapter().slug()),
                    List.copyOf(lines.subList(0, Math.min(REPORT_MISTAKES, lines.size())))));
        }
        return new MistakesPage(site, true, chapters);
    }
}
