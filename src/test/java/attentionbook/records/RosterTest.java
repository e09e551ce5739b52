package attentionbook.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RosterTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path csv = dir.resolve("roster.csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void readsStudentsInFileOrderWithQuotedNames() throws IOException {
        Roster roster = Roster.read(write("id,name\ns-042,\"Lovelace, Ada\"\n\nb.7_x,Grace Hopper\r\na,\"Say \"\"Hi\"\"\"\n"));
        assertEquals(List.of(new Student("s-042", "Lovelace, Ada"), new Student("b.7_x", "Grace Hopper"),
                new Student("a", "Say \"Hi\"")), roster.students());
        assertEquals(Optional.of(new Student("b.7_x", "Grace Hopper")), roster.find("b.7_x"));
        assertEquals(Optional.empty(), roster.find("B.7_X"));
        assertEquals(Optional.empty(), roster.find(null));
    }

    @Test
    void acceptsTheByteOrderMarkOfASpreadsheetsCsvExport() throws IOException {
        assertEquals(List.of(new Student("x1", "X")), Roster.read(write("\uFEFFid,name\nx1,X\n")).students());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong header | id,student\\na,A\\n | 1 | roster.csv:1: the header must be id,name (found id,student)",
            "swapped header | name,id\\nA,a\\n | 1 | roster.csv:1: the header must be id,name (found name,id)",
            "space in id | id,name\\nok,Ok\\n\\na b,Ann\\n | 4 | roster.csv:4: the id \"a b\" may hold only letters, digits and . _ - (at most 64 characters)",
            "empty id | id,name\\n,Nobody\\n | 2 | roster.csv:2: the id is empty",
            "duplicate id | id,name\\nx,X\\ny,Y\\nx,Z\\n | 4 | roster.csv:4: the id \"x\" is already on line 2",
            "missing name | id,name\\nx\\n | 2 | roster.csv:2: the student \"x\" has no name",
            "blank name | id,name\\nx,  \\n | 2 | roster.csv:2: the student \"x\" has no name",
            "unquoted comma | id,name\\nx,Lovelace, Ada\\n | 2 | roster.csv:2: expected 2 columns (id,name) but found 3; quote a name that holds a comma: \"Lovelace, Ada\"",
            "no students | id,name\\n\\n | 0 | roster.csv: the roster lists no students: add one line a student after id,name",
            "empty file | '' | 0 | roster.csv: the roster is empty: it needs the header line id,name and one line a student",
    })
    void namesTheLineAndTheMistake(String label, String text, int line, String message) throws IOException {
        Path csv = write(text.replace("\\n", "\n"));
        RosterError e = assertThrows(RosterError.class, () -> Roster.read(csv));
        assertEquals(message, e.getMessage());
        assertEquals(line, e.line());
        assertEquals("roster.csv", e.source());
    }

    @Test
    void linesAfterAQuotedLineBreakAreCountedFromTheFile() throws IOException {
        Path csv = write("id,name\nx,\"Two\nLines\"\nbad id,Y\n");
        assertEquals(4, assertThrows(RosterError.class, () -> Roster.read(csv)).line());
    }

    @Test
    void idsLongerThan64CharactersAreRefused() throws IOException {
        String ok = "a".repeat(64);
        assertEquals(ok, Roster.read(write("id,name\n" + ok + ",A\n")).students().get(0).id());
        Path csv = write("id,name\n" + ok + "b,A\n");
        assertEquals(2, assertThrows(RosterError.class, () -> Roster.read(csv)).line());
    }

    @Test
    void aMissingFileIsNamed() {
        RosterError e = assertThrows(RosterError.class, () -> Roster.read(dir.resolve("nope.csv")));
        assertEquals("nope.csv: the roster file " + dir.resolve("nope.csv") + " does not exist", e.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsNamed() throws IOException {
        Path csv = dir.resolve("roster.csv");
        Files.write(csv, "id,name\nx,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        RosterError e = assertThrows(RosterError.class, () -> Roster.read(csv));
        assertEquals("roster.csv: the roster is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)", e.getMessage());
    }
}
