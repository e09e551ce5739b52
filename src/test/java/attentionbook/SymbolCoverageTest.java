package attentionbook;

import attentionbook.book.Book;
import attentionbook.book.BookLoader;
import attentionbook.book.Chapter;
import attentionbook.book.MarkdownRenderer;
import attentionbook.book.SymbolScanner;
import attentionbook.book.SymbolTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notation page lists every symbol the book uses: each piece of math on every rendered page
 * (chapters, worked examples, widgets and exercises) is read with {@link SymbolScanner}'s rule, and
 * each symbol it finds must be a row of the table or named in the page's prose (row letters, indexes).
 */
class SymbolCoverageTest {
    private static final Pattern MATH = Pattern.compile("<(span|div) class=\"math( display)?\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);

    static SymbolTable table() throws IOException {
        String notation = Files.readString(Path.of("content/90-notation.md"));
        return SymbolTable.parse(notation.substring(notation.indexOf("\n---", 3) + 4));
    }

    @Test
    void everySymbolTheChaptersUseIsOnTheNotationPage() throws IOException {
        SymbolTable table = table();
        Book book = new BookLoader(new MarkdownRenderer(App.directives()))
                .load(List.of(new BookLoader.Folder(Path.of("content"), "content")));
        List<String> missing = new ArrayList<>();
        int formulas = 0;
        for (Chapter chapter : book.allChapters()) {
            Matcher m = MATH.matcher(chapter.html());
            while (m.find()) {
                formulas++;
                String tex = unescape(m.group(3));
                for (String symbol : table.unknownIn(tex)) {
                    missing.add(chapter.source() + ": " + symbol + " in $" + tex + "$");
                }
            }
        }
        assertTrue(formulas > 500, "the scan found the book's math (" + formulas + " formulas)");
        assertEquals(List.of(), missing, "symbols the notation page lacks");
    }

    @Test
    void aSymbolTheTableLacksIsReported() throws IOException {
        SymbolTable table = table();
        assertEquals(List.of("\\beta", "G"), table.unknownIn("\\beta G + O(T^2) + d_k + Q^{(n)}"));
        assertEquals(List.of(), table.unknownIn("q_i \\cdot k_j / \\sqrt{d_k} + \\operatorname{softmax}(S_{ij})"));
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
