package attentionbook.book;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the notation table as data, and the scanner's rule for what a symbol is. */
class SymbolTableTest {
    static final String NOTATION = """
            Intro with a letter $\\gamma$ defined where used.

            ## Symbols

            | symbol | meaning | shape |
            |---|---|---|
            | $T$ | context length | a number |
            | $d_\\text{model}$ | width of a token vector | a number |
            | $d_k$ | per-head width, $d_\\text{model} / h$ | a number |
            | $Q, K, V$ | queries $X W_Q$, keys, values | $T \\times d_k$ |
            | $Q^{(n)}$ | head $n$'s block of $Q$ | $T \\times d_k$ |
            | $m$, $\\ell$ | a row's maximum and sum; kept running | numbers |
            | $M$ | mask | $T \\times T$ |

            Row letters: $x_i$ is row $i$ of $X$.

            ## Conventions
            | $Z$ | not a symbol row: outside the Symbols section | x |
            """;

    private static List<String> keys(List<Symbol> symbols) {
        return symbols.stream().map(Symbol::key).toList();
    }

    @Test
    void eachRowGivesItsSymbolsWithTheirMeaning() {
        SymbolTable table = SymbolTable.parse(NOTATION);
        assertEquals(java.util.Set.of("T", "d_model", "d_k", "Q", "K", "V", "m", "\\ell", "M"),
                java.util.Set.copyOf(keys(List.copyOf(table.symbols()))));
        assertEquals("queries $X W_Q$, keys, values", table.symbol("K").orElseThrow().meaning());
        assertEquals("Q", table.symbol("Q").orElseThrow().tex(), "the per-head row does not replace Q's");
        assertEquals("a row's maximum and sum", table.symbol("\\ell").orElseThrow().shortMeaning());
        assertTrue(table.symbol("Z").isEmpty(), "a table outside ## Symbols gives no symbols");
        assertTrue(table.mentions().containsAll(List.of("x", "i", "n", "\\gamma", "Z")), "letters the prose names: " + table.mentions());
        assertTrue(!table.mentions().contains("d"), "d_k has a row, so d alone is not made known by it");
    }

    @Test
    void theScannerFindsNamedSymbolsAndLeavesIndexesAndWordsAlone() {
        SymbolTable table = SymbolTable.parse(NOTATION);
        assertEquals(List.of("T", "d_model", "M", "d_k", "Q"),
                keys(table.symbolsIn("T \\times d_\\text{model} + M_{ij} / \\sqrt{d_k} \\operatorname{softmax}(Q^{(n)})")));
        assertEquals(List.of("m", "M"), keys(table.symbolsIn("\\max_j m + M")), "m and M differ");
        assertEquals(List.of("T"), keys(table.symbolsIn("O(T^2) \\text{ for } T_\\text{text}")),
                "big-O is no output, words in \\text are no symbols, T_text is a T");
        assertEquals(List.of(List.of("W_Q", "W"), List.of("S"), List.of("\\tau")), SymbolScanner.scan("W_Q S_{ij} \\tau"));
    }

    @Test
    void symbolIdsAreDistinctAndSafe() {
        SymbolTable table = SymbolTable.parse(NOTATION);
        assertEquals("symbol-d-model", table.symbol("d_model").orElseThrow().id());
        assertEquals("symbol-ell", table.symbol("\\ell").orElseThrow().id());
        assertTrue(!table.symbol("m").orElseThrow().id().equals(table.symbol("M").orElseThrow().id()));
    }

    @Test
    void texReadsAsPlainText() {
        assertEquals("d model / h", TexText.plain("d_\\text{model} / h"));
        assertEquals("A^(n) = softmax(S^(n) / √d k + M)", TexText.plain("A^{(n)} = \\operatorname{softmax}(S^{(n)} / \\sqrt{d_k} + M)"));
        assertEquals("queries X W Q, keys", TexText.plainWithMath("queries $X W_Q$, keys"));
        assertEquals("0 where seen, −∞ where hidden", TexText.plainWithMath("0 where seen, $-\\infty$ where hidden"));
    }
}
