package attentionbook.records;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A course's students, read from the roster CSV its course file names (columns {@code id,name}, in that
 * order, a header line first). Fields may be quoted, so a name may hold a comma. Every mistake is a
 * {@link RosterError} naming the file and the line.
 */
public final class Roster {
    /** Ids go into links, cookies and CSV cells: a short, plain alphabet keeps all of them unambiguous. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<Student> students;
    private final Map<String, Student> byId = new HashMap<>();

    Roster(List<Student> students) {
        this.students = List.copyOf(students);
        for (Student s : this.students) {
            byId.put(s.id(), s);
        }
    }

    public static Roster read(Path csv) {
        String source = csv.getFileName() == null ? csv.toString() : csv.getFileName().toString();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(source, in);
        } catch (NoSuchFileException e) {
            throw new RosterError(source, 0, "the roster file " + csv + " does not exist");
        } catch (CharacterCodingException e) {
            throw new RosterError(source, 0, "the roster is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)");
        } catch (IOException e) {
            throw new RosterError(source, 0, "the roster could not be read: " + e.getMessage());
        }
    }

    /** Reads a roster from text; {@code source} is the name errors give. */
    static Roster parse(String source, Reader in) throws IOException {
        List<Student> students = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (CsvParser parser = new CsvMapper().getFactory().createParser(in)) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            boolean header = true;
            for (Row row; (row = next(parser)) != null; ) {
                if (row.blank()) {
                    continue;
                }
                if (header) {
                    checkHeader(source, row);
                    header = false;
                    continue;
                }
                students.add(student(source, row, seen));
            }
            if (header) {
                throw new RosterError(source, 0, "the roster is empty: it needs the header line id,name and one line a student");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new RosterError(source, line, "not valid CSV (" + e.getOriginalMessage() + ")");
        }
        if (students.isEmpty()) {
            throw new RosterError(source, 0, "the roster lists no students: add one line a student after id,name");
        }
        return new Roster(students);
    }

    private static void checkHeader(String source, Row row) {
        // a spreadsheet's "CSV UTF-8" starts with a byte order mark
        List<String> names = row.fields().stream().map(f -> f.replace("\uFEFF", "").strip()).toList();
        if (!names.equals(List.of("id", "name"))) {
            throw new RosterError(source, row.line(), "the header must be id,name (found "
                    + String.join(",", row.fields()) + ")");
        }
    }

    private static Student student(String source, Row row, Map<String, Integer> seen) {
        List<String> f = row.fields();
        String id = f.get(0).strip();
        if (f.size() > 2) {
            throw new RosterError(source, row.line(), "expected 2 columns (id,name) but found " + f.size()
                    + "; quote a name that holds a comma: \"Lovelace, Ada\"");
        }
        if (id.isEmpty()) {
            throw new RosterError(source, row.line(), "the id is empty");
        }
        if (!ID.matcher(id).matches()) {
            throw new RosterError(source, row.line(), "the id \"" + id + "\" may hold only letters, digits and . _ -"
                    + " (at most 64 characters)");
        }
        Integer first = seen.putIfAbsent(id, row.line());
        if (first != null) {
            throw new RosterError(source, row.line(), "the id \"" + id + "\" is already on line " + first);
        }
        String name = f.size() < 2 ? "" : f.get(1).strip();
        if (name.isEmpty()) {
            throw new RosterError(source, row.line(), "the student \"" + id + "\" has no name");
        }
        return new Student(id, name);
    }

    private record Row(int line, List<String> fields) {
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The next CSV record and the line it starts on, or null at the end. WRAP_AS_ARRAY makes the
     * parser hand the file as an array of records, each an array of strings.
     */
    private static Row next(JsonParser parser) throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.START_ARRAY && parser.getParsingContext().getParent().inRoot()) {
            t = parser.nextToken(); // the array around the whole file
        }
        if (t != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int line = 0;
        for (t = parser.nextToken(); t == JsonToken.VALUE_STRING; t = parser.nextToken()) {
            if (fields.isEmpty()) {
                line = parser.currentTokenLocation().getLineNr();
            }
            fields.add(parser.getText());
        }
        return new Row(line, fields);
    }

    /** The students in the file's order. */
    public List<Student> students() {
        return students;
    }

    public Optional<Student> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
