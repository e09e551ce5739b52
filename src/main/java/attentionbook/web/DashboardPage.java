package attentionbook.web;

import java.util.List;

/**
 * Model of instructor/dashboard.jte: the class's students against the exercises, filtered to one
 * chapter or none, sorted as asked.
 *
 * @param roster   false when the course has no roster: the page then explains how to add one
 * @param chapter  the chapter shown ("" for every chapter)
 * @param sort     name, id or solved
 */
public record DashboardPage(Site site, boolean roster, String chapter, String sort, List<Choice> chapters, List<Choice> sorts,
                            List<Column> columns, List<Row> rows, List<Link> links) {

    /** An option of a select: its value, its words, and whether it is the one chosen. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** An exercise: how many of the class solved it and its most frequent diagnosed mistakes. */
    public record Column(String id, String title, String chapterTitle, int solved, List<Mistake> mistakes) {
    }

    public record Mistake(String name, int count) {
    }

    /** A student's line: how many of the exercises shown they solved (one declared in two chapters counts once), and a cell per column. */
    public record Row(String id, String name, String href, int solved, List<Cell> cells) {
    }

    /**
     * One student on one exercise.
     *
     * @param state  solved, attempted or not-started (the CSS class is progress-{state})
     * @param mark   the short visible text: ✓, ✗ and the number of checks, or –
     * @param words  the same in words, for screen readers and the tooltip
     */
    public record Cell(String state, String mark, String words) {
    }

    /** How many exercises the columns show: an exercise two chapters declare has a column in each. */
    public int exercises() {
        return (int) columns.stream().map(Column::id).distinct().count();
    }

    /** Whether this column's exercise has a column in another chapter too, so its header must name its chapter. */
    public boolean shared(Column column) {
        return columns.stream().filter(c -> c.id().equals(column.id())).count() > 1;
    }

    /** A student's personal link. */
    public record Link(String id, String name, String url) {
    }
}
