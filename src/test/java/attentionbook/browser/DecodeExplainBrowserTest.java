package attentionbook.browser;

import attentionbook.RunningBook;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Decoding;
import attentionbook.attention.KvCacheDecoder;
import attentionbook.attention.Matrix;
import attentionbook.book.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decode widget's cells explain themselves like every other widget's: a click on a cached key, the
 * new query, a score, a weight or the output opens an explanation whose value is the core's number for
 * that cell, at the step shown, with the cache on and off.
 */
class DecodeExplainBrowserTest {
    static RunningBook book;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path pages = Path.of(DecodeExplainBrowserTest.class.getResource("/books/live").toURI());
        book = RunningBook.start("--content", pages.toString(), "--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void everyKindOfDecodeCellExplainsTheCoresNumber(int width) {
        Presets.Preset journey = Presets.get("journey");
        Matrix x = Matrix.of(journey.x());
        AttentionSpec spec = new AttentionSpec(Matrix.of(journey.wq()), Matrix.of(journey.wk()), Matrix.of(journey.wv()), null, 1, true, true);
        List<Decoding.Compared> steps = Decoding.compare(x, spec);
        KvCacheDecoder.Token third = steps.get(2).cached();
        try (Browsers.Tab tab = Browsers.open(width, 900)) {
            tab.page().navigate(book.url("/chapters/try-decode"));
            LiveWidget w = LiveWidget.on(tab.page(), "decode");
            w.change(() -> w.root().locator("[data-action=\"next\"]").click());
            assertEquals(LiveWidget.valueLine(third.q()[1]), w.explanation("q", 0, 1));
            assertEquals(LiveWidget.valueLine(x.times(spec.wk()).get(1, 2)), w.explanation("keys", 1, 2));
            assertEquals(LiveWidget.valueLine(x.times(spec.wv()).get(2, 0)), w.explanation("values", 2, 0));
            assertEquals(LiveWidget.valueLine(third.scaled()[0][2]), w.explanation("scores-h1", 0, 2));
            assertEquals(LiveWidget.valueLine(third.weights()[0][0]), w.explanation("weights-h1", 0, 0));
            assertEquals(LiveWidget.valueLine(third.output()[1]), w.explanation("output", 0, 1));

            w.change(() -> w.root().locator("[data-field=\"cache\"] input").uncheck());
            assertEquals(LiveWidget.valueLine(steps.get(0).cached().output()[0]), w.explanation("recomputed-all", 0, 0));
            assertEquals(LiveWidget.valueLine(steps.get(2).recomputed()[1]), w.explanation("recomputed-all", 2, 1));
            assertEquals(List.of(), tab.errors());
        }
    }
}
