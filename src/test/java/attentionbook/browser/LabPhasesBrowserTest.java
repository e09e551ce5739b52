package attentionbook.browser;

import attentionbook.BookServerExtension;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The induction task's two phases on the real default run (about 20 s of training): the lab page marks
 * the loss plateau and the drop after it, and names the previous-token head before the induction head.
 */
class LabPhasesBrowserTest {
    static final Pattern PLATEAU = Pattern.compile("Plateau from step (\\d+) to step (\\d+): the loss stays about (\\d\\.\\d+), "
            + "falling by only (\\d\\.\\d+) every 100 steps\\. Then the drop: the loss falls fastest just before step (\\d+), "
            + "by (\\d\\.\\d+) every 100 steps\\.");
    static final Pattern PHASES = Pattern.compile("The two phases: the previous-token head in layer 1 formed first \\(step (\\d+)\\), "
            + "the induction head in layer 2 after it \\(step (\\d+)\\)\\.");
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    @Test
    void theDefaultInductionRunShowsItsPlateauItsDropAndTheHeadsInOrder() {
        for (int width : new int[] {1280, 390}) {
            try (Browsers.Tab tab = Browsers.open(width, width == 390 ? 844 : 900)) {
                Page page = tab.page();
                page.navigate(book.url("/lab#task=induction"));
                page.waitForSelector("#lab-status[data-status=done]", new Page.WaitForSelectorOptions().setTimeout(240_000));
                List<String> lines = page.locator("#lab-phases li").allTextContents();
                Matcher plateau = PLATEAU.matcher(lines.get(0));
                assertTrue(plateau.matches(), "the first line marks the plateau and the drop: " + lines);
                int from = Integer.parseInt(plateau.group(1));
                int to = Integer.parseInt(plateau.group(2));
                int drop = Integer.parseInt(plateau.group(5));
                assertTrue(0 < from && from < to && to < drop, "plateau " + from + "–" + to + ", then the drop at " + drop);
                assertTrue(drop >= 300 && drop <= 420, "the drop comes as the induction head forms, at step " + drop);
                double plateauRate = Double.parseDouble(plateau.group(4));
                double dropRate = Double.parseDouble(plateau.group(6));
                assertTrue(plateauRate * 3 <= dropRate, "on the plateau the loss falls at most a third as fast: "
                        + plateauRate + " against " + dropRate);
                assertEquals("drop, step " + drop, page.textContent("#lab-chart .lab-drop-label"), "the chart marks the same drop");
                assertEquals(1, page.locator("#lab-chart rect.lab-plateau").count(), "the chart shades the plateau");
                Matcher phases = lines.stream().map(PHASES::matcher).filter(Matcher::matches).findFirst().orElseThrow(
                        () -> new AssertionError("no line names the two phases in order: " + lines));
                int previousToken = Integer.parseInt(phases.group(1));
                int induction = Integer.parseInt(phases.group(2));
                assertTrue(previousToken < induction, "the previous-token head (step " + previousToken
                        + ") forms before the induction head (step " + induction + ")");
                assertEquals(List.of(), LabBrowserTest.unexpected(tab.errors()), "console errors");
                tab.screenshot("lab-induction-phases-" + width);
            }
        }
    }
}
