package attentionbook.records;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A course's students, read from the roster CSV its course file names (columns {@code id,name}).
 * Contract only: the rec branch reads the file; every mistake is a {@link RosterError} naming the line.
 */
public final class Roster {
    private final List<Student> students;

    Roster(List<Student> students) {
        this.students = List.copyOf(students);
    }

    public static Roster read(Path csv) {
        throw new UnsupportedOperationException("roster reading lands with the rec branch");
    }

    /** The students in the file's order. */
    public List<Student> students() {
        return students;
    }

    public Optional<Student> find(String id) {
        return students.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
