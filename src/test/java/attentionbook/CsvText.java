package attentionbook;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A CSV the book served, read back as a spreadsheet would: quoted cells unquoted, one list a row, header first. */
public final class CsvText {
    private CsvText() {
    }

    public static List<List<String>> rows(String text) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerFor(List.class).readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
