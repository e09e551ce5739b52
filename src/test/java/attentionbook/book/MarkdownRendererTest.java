package attentionbook.book;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The markup the renderer gives the page's layout: math kept with its punctuation, tables that scroll by themselves. */
class MarkdownRendererTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(Map.of());

    private static String html(String markdown) {
        return RENDERER.render("test.md", markdown, 1).html();
    }

    @Test
    void punctuationTouchingInlineMathStaysOnItsLine() {
        assertEquals("<p>It flattens <span class=\"math-run\">(<span class=\"math\">\\tau&gt;1</span>).</span> Then</p>\n",
                html("It flattens ($\\tau>1$). Then"));
        assertEquals("<p>the query <span class=\"math-run\"><span class=\"math\">q_i</span>:</span> a row</p>\n",
                html("the query $q_i$: a row"));
        assertEquals("<p>so <span class=\"math-run\">“<span class=\"math\">x</span>”,</span> and</p>\n",
                html("so “$x$”, and"));
    }

    @Test
    void mathWithSpaceOnBothSidesIsLeftAlone() {
        assertEquals("<p>a <span class=\"math\">x</span> b</p>\n", html("a $x$ b"));
        assertEquals("<p><span class=\"math\">x</span></p>\n", html("$x$"));
    }

    @Test
    void aLineBreakInTheSourceIsASpaceNotPunctuation() {
        String out = html("ends with\n$x$\n, then");
        assertTrue(out.contains("<span class=\"math\">x</span>\n,"), out);
        assertFalse(out.contains("math-run"), out);
    }

    @Test
    void onlyTheCharactersUpToTheNearestSpaceJoinTheMath() {
        assertEquals("<p>sizes <span class=\"math-run\">[<span class=\"math\">T</span>,</span> "
                        + "<span class=\"math-run\"><span class=\"math\">d</span>]</span> here</p>\n",
                html("sizes [$T$, $d$] here"));
    }

    @Test
    void mathInsideEmphasisOrALinkIsGroupedWithinIt() {
        String out = html("*see ($x$)* and [at $y$.](#z)");
        assertTrue(out.contains("<em>see <span class=\"math-run\">(<span class=\"math\">x</span>)</span></em>"), out);
        assertTrue(out.contains("at <span class=\"math-run\"><span class=\"math\">y</span>.</span></a>"), out);
    }

    @Test
    void aTableSitsInItsOwnScroller() {
        String out = html("| a | b |\n|---|---|\n| 1 | 2 |\n").replace("\n", "");
        assertTrue(out.startsWith("<div class=\"table-scroll\"><table>"), out);
        assertTrue(out.strip().endsWith("</table></div>"), out);
    }

    @Test
    void theOutlineNestsSubsectionsUnderTheirSection() {
        List<Heading> headings = RENDERER.render("test.md", "### Lead\n\n## One\n\n### One a\n\n### One b\n\n## Two\n", 1).outline();
        List<OutlineEntry> entries = OutlineEntry.of(headings);
        assertEquals(List.of("Lead", "One", "Two"), entries.stream().map(e -> e.heading().text()).toList());
        assertEquals(List.of(), entries.get(0).children());
        assertEquals(List.of("One a", "One b"), entries.get(1).children().stream().map(Heading::text).toList());
        assertEquals(List.of(), entries.get(2).children());
    }
}
