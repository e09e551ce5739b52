package attentionbook.browser;

import attentionbook.RunningBook;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the chapters fit a phone and a laptop: nothing cut off without a cue, math kept with its punctuation. */
class LayoutBrowserTest {
    static RunningBook book;

    @BeforeAll
    static void start() {
        book = RunningBook.start();
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    static List<String> pages() {
        return BookPagesBrowserTest.pages().stream().filter(p -> !p.equals("/")).toList();
    }

    static String script(String name) {
        try (InputStream in = LayoutBrowserTest.class.getResourceAsStream("/browser/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Page open(Browsers.Tab tab, String path) {
        Page page = tab.page();
        page.navigate(book.url(path));
        Browsers.settle(page);
        return page;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void onAPhoneNothingIsCutOffWithoutACue(String path) {
        try (Browsers.Tab tab = Browsers.open(Integer.getInteger("w", 390), 844)) {
            Page page = open(tab, path);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> boxes = (List<Map<String, Object>>) page.evaluate(script("clipped-boxes.js"));
            boxes.forEach(b -> System.out.println(path + " " + b));
            assertEquals(List.of(), boxes.stream().filter(b -> !Boolean.TRUE.equals(b.get("cued"))).toList(),
                    "boxes on " + path + " at 390 px that hide content with no cue");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noPunctuationIsTornFromItsMath(String path) {
        for (int width : new int[]{390, 1280}) {
            try (Browsers.Tab tab = Browsers.open(width, 844)) {
                Page page = open(tab, path);
                assertEquals(List.of(), page.evaluate(script("orphaned-punctuation.js")),
                        "punctuation on its own at a line's edge on " + path + " at " + width + " px");
            }
        }
    }
}
