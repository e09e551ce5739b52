package attentionbook.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of a CSV export, written one at a time, quoted by Jackson's CSV writer (a name with a comma or
 * a quote comes back whole). A cell a spreadsheet would run as a formula (starting with = + - @, a
 * tab or a carriage return) is prefixed with an apostrophe, so opening an export runs nothing.
 */
final class CsvRows implements AutoCloseable {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private final SequenceWriter out;

    CsvRows(Writer writer, List<String> header) {
        try {
            this.out = MAPPER.writerFor(String[].class).with(SCHEMA).writeValues(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(header);
    }

    void row(List<String> cells) {
        String[] guarded = new String[cells.size()];
        for (int i = 0; i < guarded.length; i++) {
            guarded[i] = guarded(cells.get(i));
        }
        try {
            out.write(guarded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String guarded(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
