package attentionbook;

import attentionbook.book.Book;
import attentionbook.book.BookLoader;
import attentionbook.book.MarkdownRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures the later chapters state about real models (KV cache sizes, score-grid memory,
 * multiply-adds, the online softmax) appear on the rendered pages with the values this test works
 * out on its own, with plain arithmetic and its own formatting.
 */
class ChapterFiguresTest {
    static Book book;

    @BeforeAll
    static void load() {
        book = new BookLoader(new MarkdownRenderer(App.directives()))
                .load(List.of(new BookLoader.Folder(Path.of("content"), "content")));
    }

    static String page(String slug) {
        return book.chapter(slug).orElseThrow().html();
    }

    static void assertShows(String html, String expected) {
        assertTrue(html.contains(expected), "the page should show \"" + expected + "\"");
    }

    /** bytes the way a reader sees them: 1024-based units, at most two decimals (halves up), trailing zeros dropped. */
    static String bytes(long n) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        BigDecimal size = BigDecimal.valueOf(n);
        int unit = -1;
        while (size.compareTo(BigDecimal.valueOf(1024)) >= 0 && unit < units.length - 1) {
            size = size.divide(BigDecimal.valueOf(1024)); // exact: a power of two divides into a finite decimal
            unit++;
        }
        return size.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " " + units[unit];
    }

    /** 2 (K and V) × layers × batch × tokens × kv heads × head width × bytes per number. */
    static long kvCache(long layers, long batch, long tokens, long kvHeads, long headDim, long bytesPerNumber) {
        return 2 * layers * batch * tokens * kvHeads * headDim * bytesPerNumber;
    }

    @Test
    void kvCacheFiguresForLlama2() {
        String html = page("kv-cache");
        assertShows(html, "one token costs " + bytes(kvCache(32, 1, 1, 32, 128, 2)));
        assertShows(html, "for one sequence costs " + bytes(kvCache(32, 1, 4096, 32, 128, 2)));
        assertShows(html, "the cache takes " + bytes(kvCache(32, 16, 4096, 32, 128, 2)));
        assertShows(html, "(64): " + bytes(kvCache(80, 1, 4096, 64, 128, 2)));
        assertShows(html, "heads: " + bytes(kvCache(80, 1, 4096, 8, 128, 2)) + ", 8 times less");
        // LLaMA-2-7B at 4096 tokens is exactly 2 GiB: 2·32·4096·32·128·2 = 2³¹.
        assertShows(html, "2 GiB for LLaMA-2-7B");
    }

    @Test
    void theNewRowOfWeightsIsTheSoftmaxOfOneQueryAgainstAllKeys() {
        double[][] x = {{0.43, 0.15, 0.89}, {0.55, 0.87, 0.66}, {0.57, 0.85, 0.64}, {0.22, 0.58, 0.33}, {0.77, 0.25, 0.10}, {0.05, 0.80, 0.55}};
        double[] e = new double[6];
        double sum = 0;
        for (int j = 0; j < 6; j++) {
            double dot = 0;
            for (int c = 0; c < 3; c++) {
                dot += x[5][c] * x[j][c];
            }
            e[j] = Math.exp(dot / Math.sqrt(3));
            sum += e[j];
        }
        StringBuilder row = new StringBuilder("[");
        for (int j = 0; j < 6; j++) {
            row.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", e[j] / sum));
        }
        assertShows(page("kv-cache"), row.append("]").toString());
    }

    @Test
    void scoreGridMemoryGrowsWithTheSquareOfTheContext() {
        String html = page("cost-of-attention");
        for (long t : new long[]{1024, 8192, 32768, 131072}) {
            assertShows(html, "<td>" + t + "</td>\n<td>" + bytes(32 * t * t * 2) + "</td>\n<td>" + bytes(t * 4096 * 2) + "</td>");
        }
        assertShows(html, "1 TiB"); // 32 heads × 131072² × 2 bytes = 2⁴⁰
    }

    @Test
    void multiplyAddsOfScoresAndWeightedSum() {
        String html = page("cost-of-attention");
        // 32 heads × 1024² × (128 + 128) = 8 589 934 592; the projections 4 × 1024 × 4096² = 68 719 476 736
        assertShows(html, "<td>1024</td>\n<td>6.87 × 10¹⁰</td>\n<td>8.59 × 10⁹</td>\n<td>0.125</td>");
        assertShows(html, "<td>8192</td>\n<td>5.50 × 10¹¹</td>\n<td>5.50 × 10¹¹</td>\n<td>1.000</td>");
        assertShows(html, "go from " + 3 * 3 * 3 * 3 + " to " + 3 * 6 * 3 * 3 + ", only\ntwice as many");
        assertShows(html, "cost " + (3 * 3 * (3 + 3)) + "\nmultiply-adds at 3 tokens and " + (6 * 6 * (3 + 3)) + " at 6");
    }

    @Test
    void theOnlineSoftmaxByHandEqualsTheFullSoftmax() {
        double[] s = {1, 3, 2, 5};
        double[] v = {2, 0, 4, 1};
        // online: two blocks of two, running max, sum and output
        double m = Math.max(s[0], s[1]);
        double l = Math.exp(s[0] - m) + Math.exp(s[1] - m);
        double o = Math.exp(s[0] - m) * v[0] + Math.exp(s[1] - m) * v[1];
        double m2 = Math.max(m, Math.max(s[2], s[3]));
        double l2 = l * Math.exp(m - m2) + Math.exp(s[2] - m2) + Math.exp(s[3] - m2);
        double o2 = o * Math.exp(m - m2) + Math.exp(s[2] - m2) * v[2] + Math.exp(s[3] - m2) * v[3];
        String online = String.format(Locale.ROOT, "%.4f", o2 / l2);
        String html = page("cost-of-attention");
        assertShows(html, "= " + String.format(Locale.ROOT, "%.4f", l2) + ";");
        assertShows(html, "is <span class=\"math\">o' / \\ell'</span> = " + online + ".");
        assertShows(html, "<span class=\"math\">\\operatorname{softmax}(s) \\cdot v</span> = " + online + ": the same number.");
    }

    @Test
    void realModelShapesInTheFullPicture() {
        String html = page("the-full-picture");
        assertShows(html, "768×" + 3 * 768 + ", called");
        assertShows(html, "12 heads of 1024×" + 768 / 12);
        assertShows(html, "<span class=\"math\">T</span> = " + ((224 / 16) * (224 / 16) + 1) + ".");
        assertShows(html, "columns " + (2 * 64 + 1) + " to " + 3 * 64);
    }
}
