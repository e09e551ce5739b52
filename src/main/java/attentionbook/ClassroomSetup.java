package attentionbook;

import attentionbook.book.ContentError;
import attentionbook.records.ClassRecords;
import attentionbook.records.RecordStores;
import attentionbook.records.Roster;
import attentionbook.records.RosterError;
import attentionbook.records.StudentLinks;
import attentionbook.web.Classroom;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class a course file's roster names: its students, their links signed with the instructor key,
 * and the store their checks go to (PostgreSQL with --database, else an embedded database under
 * --data, ./attention-data when no --data is given). No roster, no classroom: nothing is created.
 */
final class ClassroomSetup {
    static final Path DEFAULT_DATA = Path.of("attention-data");

    private ClassroomSetup() {
    }

    /** The classroom, or null when the course has no roster. Mistakes in the roster stop start-up. */
    static Classroom open(CourseFile course, Options options) {
        if (course.roster() == null) {
            return null;
        }
        Path file = course.roster();
        if (!Files.isRegularFile(file)) {
            throw new ContentError(course.source(), course.rosterLine(), "roster: there is no file " + file
                    + " (the path is read from the course file's folder)");
        }
        Roster roster;
        try {
            roster = Roster.read(file);
        } catch (RosterError e) {
            // the roster names itself by its file name alone: the full path tells the instructor which file
            throw new ContentError(file.toString(), e.line(), e.problem());
        }
        Path data = options.data() == null ? DEFAULT_DATA : options.data();
        ClassRecords records = RecordStores.open(options.database(), data);
        System.out.println("Class records of " + roster.students().size() + " students go to " + where(options, data));
        return new Classroom(roster, new StudentLinks(course.instructorKey()), records);
    }

    /** Where the records are kept, for the start-up line: never the database's password. */
    static String where(Options options, Path data) {
        if (options.database() != null) {
            return "PostgreSQL at " + options.database().replaceAll("//[^@/]*@", "//");
        }
        return "an embedded database in " + data.toAbsolutePath().normalize();
    }
}
