package attentionbook.web;

import attentionbook.App;
import attentionbook.BookServerExtension;
import attentionbook.book.Chapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled chapters arrive with their math typeset at build time (src/build/typeset-math.mjs, run
 * by the build when Node.js is there, as .ci/run makes sure): no formula is left for the browser, and
 * nothing in them needs an inline style, which the Content-Security-Policy would refuse.
 */
class TypesetChaptersHttpTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension();

    private static final Pattern FORMULA = Pattern.compile("<(?:span|div) class=\"math(?: display)?(?: has-symbols)?\"[^>]*>");

    @Test
    void everyFormulaOfEveryBundledChapterArrivesTypesetWithoutAnInlineStyle() {
        assertTrue(TypesetMath.bundled().size() > 500, "the build typeset the book's formulas (is Node.js installed?): "
                + TypesetMath.bundled().size());
        List<String> untypeset = new ArrayList<>();
        int typeset = 0;
        for (Chapter chapter : App.loadBundledBook().allChapters()) {
            HttpResponse<String> page = book.get("/chapters/" + chapter.slug());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("style-src 'self';"));
            Matcher formula = FORMULA.matcher(page.body());
            while (formula.find()) {
                if (formula.group().contains("data-typeset=\"true\"")) {
                    typeset++;
                } else {
                    untypeset.add(chapter.slug() + ": " + page.body().substring(formula.start(), Math.min(page.body().length(), formula.end() + 60)));
                }
            }
            assertTrue(!page.body().contains(" style=\""), chapter.slug() + " has an inline style attribute");
        }
        assertEquals(List.of(), untypeset);
        assertTrue(typeset > 1000, typeset + " formulas typeset");
    }

    @Test
    void theTypesetFormulasStylesAreInThePageStylesheet() {
        Matcher sheet = Pattern.compile("href=\"([^\"]*css/page\\.css)\"").matcher(book.get("/chapters/scaling").body());
        assertTrue(sheet.find());
        String css = book.get(sheet.group(1)).body();
        assertTrue(css.contains(".katex .ks0{"), "the classes that stand for KaTeX's inline styles");
        // a class the scaling chapter's formulas use is defined
        Matcher used = Pattern.compile("class=\"[^\"]*\\b(ks\\d+)\\b").matcher(book.get("/chapters/scaling").body());
        assertTrue(used.find());
        assertTrue(css.contains(".katex ." + used.group(1) + "{"), used.group(1) + " is defined");
    }
}
