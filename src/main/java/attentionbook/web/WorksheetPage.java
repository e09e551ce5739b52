package attentionbook.web;

import java.util.List;

/**
 * Model of worksheet.jte: printable sheets of exercises, one for a single sheet or one per student
 * for a class roster, each with the seed (and student) and the full address that regenerates it.
 * {@code key} is true on answer keys, whose items carry their answers.
 *
 * @param otherHref   the answer key from a sheet, the sheet from an answer key (null for a roster)
 * @param anotherHref the same sheet with new numbers (null for a roster, and when the course fixes each
 *                    student's numbers)
 */
public record WorksheetPage(Site site, boolean key, String title, String scope, List<Sheet> sheets, String otherHref,
                            String anotherHref) {

    public boolean roster() {
        return otherHref == null;
    }

    /**
     * One learner's sheet (or its key), printed on pages of its own.
     *
     * @param address the absolute address (scheme, host, base path, path and query) that regenerates it
     */
    public record Sheet(String heading, long seed, String student, List<Section> sections, String address) {
    }

    /** One chapter's exercises. */
    public record Section(String title, String href, List<Item> items) {
    }

    /**
     * One exercise as printed.
     *
     * @param given  the prompt's matrices as the book's tables (our own trusted HTML)
     * @param stepGrids grids for the steps before the answer, for an exercise worked step by step (else empty)
     * @param answer    the answer grid: empty boxes on a sheet, the answer on the key
     * @param steps     the worked solution, only on the answer key (empty on a sheet)
     */
    public record Item(int number, String title, List<String> prompt, List<String> given, String instruction,
                       List<AnswerGrid> stepGrids, AnswerGrid answer, List<Step> steps) {
        /** Every grid to fill in, the steps' first and the answer last. */
        public List<AnswerGrid> grids() {
            List<AnswerGrid> all = new java.util.ArrayList<>(stepGrids);
            all.add(answer);
            return all;
        }
    }

    /** The answer's grid, labelled like the answer: one row of text cells a row ("" on a sheet, to write in). */
    public record AnswerGrid(String name, String shape, List<String> colLabels, List<Row> rows) {
    }

    /** One row of an answer grid. */
    public record Row(String label, List<String> cells) {
    }

    /** A step of a worked solution: a sentence, its arithmetic, and maybe a table (trusted HTML). */
    public record Step(String text, List<String> lines, String table) {
    }
}
