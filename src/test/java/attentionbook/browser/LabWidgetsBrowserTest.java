package attentionbook.browser;

import attentionbook.RunningBook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Open in the book's widgets": a trained head opens in the chapters' pipeline widget with the lab's numbers. */
class LabWidgetsBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static RunningBook book;

    @BeforeAll
    static void start() {
        book = RunningBook.start("--rate-limit", "0");
    }

    @AfterAll
    static void stop() {
        book.close();
    }

    private static void train(Page page, int dModel) {
        train(page, dModel, 1);
    }

    private static void train(Page page, int dModel, int heads) {
        page.navigate(book.url("/lab"));
        page.waitForLoadState();
        page.check("input[name=task][value=previous-token]");
        page.fill("#knob-steps", "200");
        page.fill("#knob-seed", "4");
        page.fill("#knob-d_model", String.valueOf(dModel));
        page.fill("#knob-heads", String.valueOf(heads));
        page.click("button.lab-train");
        page.waitForSelector("#lab-status[data-status=done]", new Page.WaitForSelectorOptions().setTimeout(120_000));
        page.waitForSelector("#lab-widget-links p");
    }

    @Test
    void aTrainedHeadOpensInThePipelineWidgetWithTheLabsWeights() throws Exception {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            train(page, 8);
            String id = page.getAttribute("#lab-weights-link", "href").replaceAll(".*/runs/([0-9a-f]{64})/weights", "$1");
            String probe = page.getAttribute("input[name=task][value=previous-token]", "data-probe");
            assertEquals(16, probe.length(), "the probe is longer than the widgets' 12 tokens");
            assertTrue(page.textContent("#lab-widget-links").contains("the probe's first 12 of its 16"),
                    page.textContent("#lab-widget-links"));
            JsonNode predicted = JSON.readTree(book.post("/api/lab/runs/" + id + "/predict",
                    "{\"tokens\": \"" + probe.substring(0, 12) + "\"}").body());
            JsonNode head = predicted.get("layers").get(0).get("heads").get(0).get("weights");

            String pipeline = page.getAttribute("#lab-widget-links a:has-text('pipeline')", "href");
            page.navigate(book.url(pipeline));
            LiveWidget w = LiveWidget.on(page, "pipeline");
            page.waitForSelector("[data-widget=pipeline] [data-matrix=weights] tbody");
            List<List<String>> weights = w.matrix("weights");
            assertEquals(12, weights.size(), "the probe's first 12 tokens");
            assertEquals(String.format("%.2f", head.get(5).get(4).asDouble()), weights.get(5).get(4),
                    "row 6's weight on token 5, as the lab computed it");
            assertEquals(String.format("%.2f", head.get(11).get(10).asDouble()), weights.get(11).get(10));
            assertTrue(head.get(5).get(4).asDouble() > 0.5, "a previous-token head: " + head.get(5).get(4));
            String status = page.textContent("[data-widget=pipeline] .widget-status");
            assertTrue(!status.contains("could not be read"), "the link's state was taken: " + status);
        }
    }

    @Test
    void aTrainedLayerOpensInTheMultiHeadWidgetWithAllItsHeads() throws Exception {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            train(page, 16, 2);   // 16 wide: the previous-token task's default d_model, wider than the widgets' 12 tokens
            String id = page.getAttribute("#lab-weights-link", "href").replaceAll(".*/runs/([0-9a-f]{64})/weights", "$1");
            String probe = page.getAttribute("input[name=task][value=previous-token]", "data-probe");
            JsonNode predicted = JSON.readTree(book.post("/api/lab/runs/" + id + "/predict",
                    "{\"tokens\": \"" + probe.substring(0, 12) + "\"}").body());
            JsonNode heads = predicted.get("layers").get(0).get("heads");

            String multiHead = page.getAttribute("#lab-widget-links a:has-text('multi-head')", "href");
            assertEquals("all 2 heads in the multi-head widget", page.textContent("#lab-widget-links a:has-text('multi-head')"));
            page.navigate(book.url(multiHead));
            LiveWidget w = LiveWidget.on(page, "multi-head");
            page.waitForSelector("[data-widget=multi-head] [data-matrix=weights-h2] tbody");
            String status = page.textContent("[data-widget=multi-head] .widget-status");
            assertTrue(!status.contains("could not be read"), "the link's state was taken: " + status);
            for (int h = 0; h < 2; h++) {
                List<List<String>> weights = w.matrix("weights-h" + (h + 1));
                assertEquals(12, weights.size(), "the probe's first 12 tokens");
                JsonNode lab = heads.get(h).get("weights");
                for (int[] cell : new int[][] {{5, 4}, {11, 10}, {7, 0}}) {
                    assertEquals(String.format("%.2f", lab.get(cell[0]).get(cell[1]).asDouble()), weights.get(cell[0]).get(cell[1]),
                            "head " + (h + 1) + ", row " + (cell[0] + 1) + "'s weight on token " + (cell[1] + 1) + ", as the lab computed it");
                }
            }
            assertTrue(page.isChecked("[data-widget=multi-head] input[type=radio][value='2']"), "the run's 2 heads are chosen");
            assertEquals("Parameters in Wq, Wk, Wv and Wo: 256 + 256 + 256 + 256 = 1024, with 1, 2, 4 or 8 heads alike.",
                    page.textContent("[data-widget=multi-head] .multi-head-parameters"), "counted for the trained 16×16 matrices");
            assertEquals(16, page.locator("[data-widget=multi-head] [data-matrix=wq] tbody tr").count(), "W_Q's 16 rows");
            assertEquals(16, page.locator("[data-widget=multi-head] [data-matrix=wq] tbody tr").first().locator("td").count(),
                    "W_Q's 16 columns");
            assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    "the 16-wide matrices scroll in their own boxes, not the page");
            assertEquals(List.of(), LabBrowserTest.unexpected(tab.errors()), "console errors");

            page.locator("[data-widget=multi-head]").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Paths.get("target", "screenshots", "lab-multi-head-link-390.png")));

            // The same trained layer decodes the probe with a KV cache: step 12's weights are the lab's row 12.
            page.goBack();
            String decode = page.getAttribute("#lab-widget-links a:has-text('KV cache')", "href");
            page.navigate(book.url(decode));
            LiveWidget d = LiveWidget.on(page, "decode");
            page.waitForSelector("[data-widget=decode] [data-matrix=weights-h2] tbody");
            assertTrue(!page.textContent("[data-widget=decode] .widget-status").contains("could not be read"));
            assertEquals(12, d.matrix("keys").size(), "12 cached keys at the probe's 12th token");
            for (int h = 0; h < 2; h++) {
                List<String> row = d.matrix("weights-h" + (h + 1)).get(0);
                JsonNode lab = heads.get(h).get("weights").get(11);
                for (int j : new int[] {0, 10, 11}) {
                    assertEquals(String.format("%.2f", lab.get(j).asDouble()), row.get(j), "decoded head " + (h + 1) + "'s weight on token " + (j + 1));
                }
            }
            assertEquals(List.of(), LabBrowserTest.unexpected(tab.errors()), "console errors in the decode widget");
            page.locator("[data-widget=decode]").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Paths.get("target", "screenshots", "lab-decode-link-390.png")));
        }
    }

    @Test
    void aRunWiderThanTheWidgetsSaysWhyItHasNoLinks() {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            train(page, 32);
            assertEquals(0, page.locator("#lab-widget-links a").count());
            assertTrue(page.textContent("#lab-widget-links").contains("at most 16 columns, and every score sums over all 32"),
                    page.textContent("#lab-widget-links"));
        }
    }
}
