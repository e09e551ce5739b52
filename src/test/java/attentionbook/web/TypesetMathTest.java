package attentionbook.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Formulas typeset at build time put into a page in place of their TeX, and only those. */
class TypesetMathTest {
    private final TypesetMath math = new TypesetMath(Map.of(
            "I:x", "<span class=\"katex\">X</span>",
            "T:x", "<span class=\"katex\">X<span class=\"math-tail\">,</span></span>",
            "D:a < b", "<span class=\"katex-display\">A&lt;B</span>",
            "B:a < b", "<span class=\"katex\">A&lt;B broken</span>"));

    @Test
    void anInlineFormulaIsReplacedByItsTypesettingAndMarkedTypeset() {
        assertEquals("<p>So <span class=\"math\" data-typeset=\"true\"><span class=\"katex\">X</span></span> is</p>",
                math.page("<p>So <span class=\"math\">x</span> is</p>"));
    }

    @Test
    void anInlineFormulaTouchingPunctuationTakesTheFormThatKeepsItsLastBoxWithThePunctuation() {
        assertEquals("<span class=\"math-run\"><span class=\"math\" data-typeset=\"true\"><span class=\"katex\">X<span class=\"math-tail\">,</span></span></span>,</span>",
                math.page("<span class=\"math-run\"><span class=\"math\">x</span>,</span>"));
    }

    @Test
    void aDisplayFormulaKeepsItsAttributesAndTexAndBringsItsBrokenFormInATemplate() {
        String page = math.page("<div class=\"math display has-symbols\" aria-describedby=\"symbol-Q\">a &lt; b</div>");
        assertEquals("<div class=\"math display has-symbols\" aria-describedby=\"symbol-Q\" data-typeset=\"true\" data-tex=\"a &lt; b\">"
                + "<span class=\"katex-display\">A&lt;B</span><template class=\"math-broken\"><span class=\"katex\">A&lt;B broken</span></template></div>", page);
    }

    @Test
    void aFormulaTheBuildDidNotTypesetKeepsItsTexForTheBrowser() {
        String page = "<p><span class=\"math\">y</span> and <div class=\"math display\">x</div></p>";
        assertEquals(page, math.page(page));
        assertEquals(page, TypesetMath.NONE.page(page));
    }

    @Test
    void theBuildIsGivenEachFormulaOfAPageOnceInPageOrderWithItsForm() {
        Map<String, TypesetMath.Formula> found = TypesetMath.formulasIn("<span class=\"math\">a &amp; b</span> <span class=\"math-run\">"
                + "(<span class=\"math\">x</span>).</span><div class=\"math display\">x</div><span class=\"math\">a &amp; b</span>");
        assertEquals(List.of("I:a & b", "T:x", "D:x"), List.copyOf(found.keySet()));
        assertEquals(new TypesetMath.Formula("x", "tail"), found.get("T:x"));
    }
}
