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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The chapter's HTML with formulas unmarked (no symbol meanings attached): these tests read numbers, not markup. */
    static String page(String slug) {
        return book.chapter(slug).orElseThrow().html().replace(" has-symbols\"", "\"").replaceAll(" aria-describedby=\"symbol-[^\"]*\"", "");
    }

    static void assertShows(String html, String expected) {
        assertTrue(html.contains(expected), "the page should show \"" + expected + "\"");
    }

    /** The text of one cell (0-based) of a matrix in the worked example whose caption contains the given words. */
    static String cell(String html, String captionWords, String matrix, int row, int col) {
        Matcher figures = Pattern.compile("<figure class=\"worked-example\">.*?</figure>", Pattern.DOTALL).matcher(html);
        while (figures.find()) {
            String figure = figures.group();
            if (figure.contains(captionWords)) {
                String table = figure.substring(figure.indexOf("data-matrix=\"" + matrix + "\""));
                Matcher td = Pattern.compile("data-row=\"" + row + "\" data-col=\"" + col + "\">([^<]*)</td>").matcher(table);
                assertTrue(td.find(), "no cell " + row + "," + col + " in " + matrix);
                return td.group(1);
            }
        }
        throw new AssertionError("no worked example with \"" + captionWords + "\" in its caption");
    }

    /** x rounded as a reader rounds by hand: the decimal written out, halves up. */
    static String halfUp(String decimal, int digits) {
        return new BigDecimal(decimal).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** A row of numbers as the book prints a vector: [0.42, 0.16, 0.42]. */
    static String vector(int digits, double... xs) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : ", ").append(halfUp(Double.toString(xs[i]), digits));
        }
        return out.append("]").toString();
    }

    static double[] softmax(double... s) {
        double sum = 0;
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(s[i]);
            sum += e[i];
        }
        for (int i = 0; i < s.length; i++) {
            e[i] /= sum;
        }
        return e;
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

    @Test
    void aScoreOfExactlyHalfACentRoundsUpEverywhere() {
        // "with" against "step": 0.22·0.80 + 0.58·0.55 = 0.495 exactly, on paper.
        BigDecimal exact = new BigDecimal("0.22").multiply(new BigDecimal("0.80")).add(new BigDecimal("0.58").multiply(new BigDecimal("0.55")));
        assertEquals("0.50", exact.setScale(2, RoundingMode.HALF_UP).toPlainString());
        assertEquals(exact.setScale(2, RoundingMode.HALF_UP).toPlainString(), cell(page("queries-keys-values"), "no longer symmetric", "scores", 3, 5));
        assertEquals(exact.setScale(4, RoundingMode.HALF_UP).toPlainString(), cell(page("scores"), "no longer symmetric", "scores", 3, 5));
    }

    @Test
    void theMoleExampleSaysItDividesByTheSquareRootOfThree() {
        String html = page("why-attention");
        double r3 = Math.sqrt(3);
        assertShows(html, "gives the weights\n" + vector(2, softmax(3 / r3, 0, 3 / r3)) + ".");
        assertShows(html, "you get\n" + vector(2, softmax(3, 0, 3)) + " instead");
        assertEquals(halfUp("3", 2), cell(html, "Biology", "scores", 0, 0));
        assertEquals(halfUp(Double.toString(3 / r3), 2), cell(html, "Biology", "scaled", 0, 0));
        assertEquals(halfUp(Double.toString(softmax(3 / r3, 0, 3 / r3)[0]), 2), cell(html, "Biology", "weights", 0, 0));
    }

    @Test
    void shownWeightsThatDoNotAddUpToOneAreExplained() {
        double[][] x = {{0.43, 0.15, 0.89}, {0.55, 0.87, 0.66}, {0.57, 0.85, 0.64}, {0.22, 0.58, 0.33}, {0.77, 0.25, 0.10}, {0.05, 0.80, 0.55}};
        double[] scores = new double[6];
        for (int j = 0; j < 6; j++) {
            for (int c = 0; c < 3; c++) {
                scores[j] += x[1][c] * x[j][c] / Math.sqrt(3);
            }
        }
        BigDecimal shown = BigDecimal.ZERO;
        for (double w : softmax(scores)) {
            shown = shown.add(new BigDecimal(halfUp(Double.toString(w), 2)));
        }
        assertEquals("0.99", shown.toPlainString(), "the journey row the chapter points at");
        assertShows(page("why-attention"), shown.toPlainString() + ". The weights themselves add up to exactly 1");
    }

    @Test
    void theHeadSplitIsAReshapeAndATranspose() {
        assertShows(page("input-shapes"), "a transpose swaps the token and\nhead axes");
        String note = attentionbook.book.ShapeChain.of(4, 16, 512, 8).stages().stream()
                .filter(st -> st.key().equals("q_heads")).findFirst().orElseThrow().note();
        assertTrue(note.contains("a reshape to [4, 16, 8, 64]") && note.contains("(a transpose)"), note);
    }

    @Test
    void theUnitVarianceOfScalingIsAnAssumptionNotGpt2sStart() {
        String html = page("scaling");
        BigDecimal variance = new BigDecimal("768").multiply(new BigDecimal("0.02").pow(2)); // 0.3072
        assertShows(html, "768 \\times 0.02^2</span> = " + variance.setScale(2, RoundingMode.HALF_UP) + ", not 1");
        assertShows(html, "= " + variance.multiply(new BigDecimal("8")).setScale(2, RoundingMode.HALF_UP) + ", not 8");
        assertShows(html, "it is not the state of a real model at the start of training");
    }

    @Test
    void nextTokenTargetsNeedOneTokenMoreThanTheInput() {
        String html = page("masking");
        assertShows(html, (6 + 1) + " tokens give 6 inputs (tokens 1 to 6)\nand 6 targets (tokens 2 to " + (6 + 1) + ")");
        assertShows(html, "A window of " + String.format(Locale.ROOT, "%,d", 1024 + 1) + " tokens trains " + String.format(Locale.ROOT, "%,d", 1024) + " predictions");
        assertShows(html, "the example is " + String.format(Locale.ROOT, "%,d", 2048 + 1) + " tokens long");
        assertFalse(html.contains("compares all six with the real next tokens"), "six targets cannot all come from a six-token sentence");
    }

    @Test
    void theMultiHeadSentenceIsReadByAnEncoder() {
        String problem = page("multi-head-attention").split("<h2 id=\"the-math\">")[0];
        assertTrue(problem.contains("no causal mask") && problem.contains("could not see\n&quot;table&quot;"), "the example with \"are\" looking ahead says it is unmasked");
    }

    @Test
    void theRowAndColumnExampleShowsItsScalingAndInputs() {
        String html = page("the-full-picture");
        // hand4: q₁ = [2, 3], k₁ = [3, 2], k₂ = [2, 2]: scores 12 and 10, one head of width 2
        double[] scaled = softmax(12 / Math.sqrt(2), 10 / Math.sqrt(2));
        assertShows(html, "softmax gives " + vector(2, scaled) + ".");
        assertShows(html, "you get " + vector(3, softmax(12, 10)) + " instead");
        assertEquals(halfUp(Double.toString(scaled[0]), 2), cell(html, "Row form", "weights", 0, 0));
        assertEquals(halfUp(Double.toString(12 / Math.sqrt(2)), 2), cell(html, "Row form", "scaled", 0, 0));
        for (String input : new String[]{"x", "wq", "wk"}) {
            cell(html, "Row form", input, 0, 0);
            cell(html, "Two heads, each with its own 3×3 weights", input, 0, 0);
        }
    }

    @Test
    void llamaFiguresAreExact() {
        String html = page("kv-cache");
        assertShows(html, "8 shared key/value heads: 1.25 GiB"); // 2·80·4096·8·128·2 bytes = 1.25 · 2³⁰
        assertShows(html, "of 2 bytes each, " + bytes(6_738_415_616L * 2) + ".");
        assertEquals("12.55 GiB", bytes(6_738_415_616L * 2));
    }

    @Test
    void theCostTableSaysWhichRowsPassTheTrainingContext() {
        assertShows(page("cost-of-attention"), "trained on contexts of 4,096 tokens, so the first row lies within that length");
    }
}
