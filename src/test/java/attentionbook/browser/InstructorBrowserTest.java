package attentionbook.browser;

import attentionbook.records.Attempt;
import attentionbook.records.ClassRecords;
import attentionbook.web.ClassroomServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instructor in a real browser: log in, read the dashboard, filter, sort, open a student, delete their records. */
class InstructorBrowserTest {
    static final String ROSTER = "id,name\ns1,Ada Lovelace\ns2,\"Hopper, Grace\"\ns3,Alan Turing\n";

    @TempDir
    Path dir;

    /**
     * Logs in through the form as an instructor would: the dashboard's address answers the login form,
     * the key is typed into it, and the browser lands on the dashboard with its login cookie.
     */
    static void logIn(Page page, String dashboardUrl, String key) {
        if (!page.url().equals(dashboardUrl)) {
            page.navigate(dashboardUrl);
        }
        page.getByLabel("Instructor key").fill(key);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(dashboardUrl);
        assertEquals("Class dashboard", page.locator("h1").textContent());
    }

    @Test
    void logInReadTheDashboardAndDeleteAStudentsRecords() {
        try (ClassroomServer server = new ClassroomServer(dir, ROSTER, "")) {
            List<String> ids = ClassroomServer.CATALOG.chapter("multi-head-attention").orElseThrow().exercises().stream()
                    .map(d -> d.id()).toList();
            ClassRecords records = server.room.records();
            Instant t = Instant.parse("2026-01-05T10:00:00Z");
            records.record(new Attempt("s1", ids.get(0), 1, t, true, null, 0, false));
            records.record(new Attempt("s1", ids.get(1), 2, t.plusSeconds(60), true, null, 0, false));
            records.record(new Attempt("s2", ids.get(0), 3, t.plusSeconds(120), false, "sqrt-d-model", 0, false));
            records.record(new Attempt("s2", ids.get(0), 3, t.plusSeconds(180), false, "sqrt-d-model", 0, false));

            for (int width : new int[]{390, 1280}) {
                try (Browsers.Tab tab = Browsers.open(width, 900)) {
                    Page page = tab.page();
                    page.navigate(server.url("/instructor"));
                    assertEquals("Instructor login", page.locator("h1").textContent());
                    assertEquals(List.of(), tab.seriousAccessibilityViolations(), "the login form");
                    logIn(page, server.url("/instructor"), ClassroomServer.KEY);

                    page.selectOption("#dashboard-chapter", "multi-head-attention");
                    page.selectOption("#dashboard-sort", "solved");
                    page.locator(".dashboard-filter button").click();
                    page.waitForURL(server.url("/instructor?chapter=multi-head-attention&sort=solved"));
                    Browsers.settle(page);
                    assertEquals(List.of("s1", "s3", "s2"), page.locator("tbody tr").evaluateAll(
                            "rows => rows.map(r => r.dataset.student)"), "most solved first, then by name: Alan before Grace");
                    Locator ada = page.locator("tr[data-student=s1] td.progress-cell");
                    assertEquals(3, ada.count(), "the chapter's three exercises");
                    assertEquals("progress-cell progress-solved", ada.nth(0).getAttribute("class"));
                    assertEquals("✓ 1 solved (1 check)", ada.nth(0).textContent());
                    Locator grace = page.locator("tr[data-student=s2] td.progress-cell");
                    assertEquals("progress-cell progress-attempted", grace.nth(0).getAttribute("class"));
                    assertEquals("✗ 2 attempted, not solved (2 checks)", grace.nth(0).textContent());
                    assertEquals("progress-cell progress-not-started", grace.nth(1).getAttribute("class"));
                    assertEquals("2", page.locator("tr[data-student=s1] .dashboard-solved").textContent());
                    assertTrue(page.locator("li[data-item='" + ids.get(0) + "']").textContent().contains("sqrt-d-model × 2"));
                    Locator scroller = page.locator(".dashboard-scroll");
                    if (width == 390) {
                        assertTrue(scroller.getAttribute("class").contains("is-scrollable"),
                                "the wide table scrolls in its own box and shows the scroll cue");
                        assertEquals(List.of(), page.evaluate("() => [...document.querySelectorAll('body *')]"
                                + ".filter(el => !el.closest('.table-scroll') && el.getBoundingClientRect().right > window.innerWidth + 1)"
                                + ".map(el => el.tagName + '.' + el.className)"), "nothing outside the table's box is wider than the screen");
                    }
                    // the cells' screen-reader words are positioned absolutely: the box must hold them, or the page pans
                    assertEquals(Boolean.TRUE, page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                            "the page itself does not scroll sideways at " + width + " px");
                    assertEquals(List.of(), tab.seriousAccessibilityViolations());
                    tab.screenshot("instructor-dashboard-" + width);
                    page.navigate(server.url("/instructor"));
                    Browsers.settle(page);
                    assertEquals(ClassroomServer.CATALOG.chapters().stream().mapToInt(c -> c.exercises().size()).sum(),
                            page.locator("thead th.dashboard-exercise").count(), "every chapter's exercises");
                    assertTrue(page.locator(".dashboard-scroll").getAttribute("class").contains("is-scrollable"),
                            "thirty-odd columns scroll inside their box, with the cue");
                    tab.viewportScreenshot("instructor-dashboard-all-" + width);
                    page.goBack();

                    if (width == 1280) {
                        page.locator("tr[data-student=s2] th a").click();
                        assertEquals("Hopper, Grace s2", page.locator("h1").textContent().replaceAll("\\s+", " ").strip());
                        assertEquals(2, page.locator(".history-table tbody tr").count());
                        assertEquals(List.of(), tab.seriousAccessibilityViolations(), "a student's history");
                        page.getByText("Delete this student's records…").click();
                        page.getByText("Yes, delete them").click();
                        assertEquals("Deleted 2 records of Hopper, Grace.", page.locator(".instructor-status").textContent().strip());
                        tab.screenshot("instructor-student-deleted");
                        page.getByText("Common mistakes").click();
                        assertEquals("The class's common mistakes", page.locator("h1").textContent());
                        assertEquals(List.of(), page.locator(".mistakes-list li").allTextContents(),
                                "Grace's were the only mistakes, and they went with her records");
                        assertEquals(List.of(), tab.seriousAccessibilityViolations(), "the mistakes report");
                        assertEquals(0, records.history("s2").size());
                        assertEquals(2, records.history("s1").size(), "the other students keep theirs");
                    }
                    assertEquals(List.of(), tab.errors().stream().filter(e -> !e.contains("403")).toList());
                }
            }
        }
    }
}
