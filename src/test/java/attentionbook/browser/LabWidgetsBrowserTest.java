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

    /**
     * Trains a task with its default config but for the knobs given as name, value pairs (a few steps: the point
     * is the weights' width) and answers the run's id.
     */
    private static String trainTask(Page page, String task, String... knobs) {
        page.navigate(book.url("/lab"));
        page.waitForLoadState();
        page.check("input[name=task][value=" + task + "]");
        for (int k = 0; k < knobs.length; k += 2) {
            page.fill("#knob-" + knobs[k], knobs[k + 1]);
        }
        page.click("button.lab-train");
        page.waitForSelector("#lab-status[data-status=done]", new Page.WaitForSelectorOptions().setTimeout(120_000));
        page.waitForSelector("#lab-widget-links a");
        return page.getAttribute("#lab-weights-link", "href").replaceAll(".*/runs/([0-9a-f]{64})/weights", "$1");
    }

    /** The model's own attention weights on the probe, from the run's last snapshot: [layer][head][row][col]. */
    private static JsonNode modelWeights(String id) throws Exception {
        JsonNode snapshots = JSON.readTree(book.get("/api/lab/runs/" + id).body()).get("snapshots");
        return snapshots.get(snapshots.size() - 1).get("probe").get("layers");
    }

    private static String shown(double value) {
        return LiveWidget.shownRow(new double[]{value}, 2).get(0).get(0);
    }

    /** Copy's default is 32 wide (2 heads, 1 layer): the lab's own default run opens, on a phone, scrolling only inside its boxes. */
    @Test
    void aDefault32WideRunOpensInTheMultiHeadWidgetOnAPhone() throws Exception {
        try (Browsers.Tab tab = Browsers.open(390, 844)) {
            Page page = tab.page();
            String id = trainTask(page, "copy", "steps", "60");
            assertEquals("32", page.inputValue("#knob-d_model"), "copy's default d_model");
            JsonNode model = modelWeights(id).get(0);

            String multiHead = page.getAttribute("#lab-widget-links a:has-text('multi-head')", "href");
            page.navigate(book.url(multiHead));
            LiveWidget w = LiveWidget.on(page, "multi-head");
            page.waitForSelector("[data-widget=multi-head] [data-matrix=weights-h2] tbody");
            String status = page.textContent("[data-widget=multi-head] .widget-status");
            assertTrue(!status.contains("could not be read"), "the link's state was taken: " + status);
            for (int h = 0; h < 2; h++) {
                List<List<String>> weights = w.matrix("weights-h" + (h + 1));
                assertEquals(12, weights.size(), "the probe's first 12 tokens");
                for (int[] cell : new int[][] {{5, 4}, {11, 10}, {7, 0}, {9, 9}}) {
                    assertEquals(shown(model.get(h).get(cell[0]).get(cell[1]).asDouble()), weights.get(cell[0]).get(cell[1]),
                            "head " + (h + 1) + ", row " + (cell[0] + 1) + "'s weight on token " + (cell[1] + 1) + ", as the model computed it");
                }
            }
            assertEquals("Parameters in Wq, Wk, Wv and Wo: 1024 + 1024 + 1024 + 1024 = 4096, with 1, 2, 4 or 8 heads alike.",
                    page.textContent("[data-widget=multi-head] .multi-head-parameters"), "counted for the trained 32×32 matrices");
            assertEquals(32, page.locator("[data-widget=multi-head] [data-matrix=wq] tbody tr").first().locator("td").count(),
                    "W_Q's 32 columns");
            assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    "the 32-wide matrices scroll in their own boxes, not the page");

            // An edit by keyboard: the last column of W_Q, reached by its label, recomputes and is kept in the link.
            w.type("Wq row 1 column 32", "2.5");
            page.waitForFunction("() => location.hash.includes('multi-head=')");
            JsonNode linked = JSON.readTree(java.net.URLDecoder.decode(((String) page.evaluate("() => location.hash"))
                    .replaceFirst("^#multi-head=", ""), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(2.5, linked.get("wq").get(0).get(31).asDouble(), "the edit is in the page's address");
            JsonNode body = JSON.createObjectNode().setAll(java.util.Map.of("x", linked.get("x"), "wq", linked.get("wq"),
                    "wk", linked.get("wk"), "wv", linked.get("wv"), "wo", linked.get("wo")));
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("heads", 2).put("causal", true);
            JsonNode server = JSON.readTree(book.post("/api/attention", body.toString()).body()).get("heads");
            for (int h = 0; h < 2; h++) {
                assertEquals(shown(server.get(h).get("weights").get(11).get(3).asDouble()), w.matrix("weights-h" + (h + 1)).get(11).get(3),
                        "after the edit, head " + (h + 1) + " row 12's weight on token 4 is the server's");
            }
            assertEquals(List.of(), LabBrowserTest.unexpected(tab.errors()), "console errors");
            page.locator("[data-widget=multi-head]").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Paths.get("target", "screenshots", "lab-multi-head-32-wide-390.png")));
        }
    }

    /** The lab's widest layer (d_model 64, 4 heads) opens from its link and answers an edit; the times are printed, not asserted. */
    @Test
    void aLayer64WideOpensAndAnswersAnEdit() throws Exception {
        try (Browsers.Tab tab = Browsers.open(1280, 900)) {
            Page page = tab.page();
            String id = trainTask(page, "copy", "steps", "20", "d_model", "64", "heads", "4");
            JsonNode model = modelWeights(id).get(0);
            String multiHead = page.getAttribute("#lab-widget-links a:has-text('multi-head')", "href");
            assertTrue(multiHead.length() > 300_000, "the link carries the whole layer: " + multiHead.length() + " characters");
            long start = System.nanoTime();
            page.navigate(book.url(multiHead));
            LiveWidget w = LiveWidget.on(page, "multi-head");
            page.waitForSelector("[data-widget=multi-head] [data-matrix=weights-h4] tbody");
            long opened = System.nanoTime();
            assertEquals(shown(model.get(3).get(11).get(6).asDouble()), w.matrix("weights-h4").get(11).get(6), "head 4 as the model computed it");
            w.type("X row 1 column 64", "1.5");
            long edited = System.nanoTime();
            page.waitForFunction("() => { const i = location.hash.indexOf('multi-head=');"
                    + " return i >= 0 && JSON.parse(decodeURIComponent(location.hash.slice(i + 11))).x[0][63] === 1.5; }");
            System.out.printf("64-wide multi-head link: %d characters, opened in %d ms, an edit answered in %d ms%n",
                    multiHead.length(), (opened - start) / 1_000_000, (edited - opened) / 1_000_000);
            assertEquals(List.of(), LabBrowserTest.unexpected(tab.errors()), "console errors");
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Paths.get("target", "screenshots", "lab-multi-head-64-wide-1280.png")));
        }
    }
}
