package attentionbook.web;

import attentionbook.BookServerExtension;
import attentionbook.exercise.Seeds;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class roster document, and the full address a sheet prints to regenerate itself. */
class RosterHttpTest {
    @RegisterExtension
    static final BookServerExtension book = new BookServerExtension("--rate-limit", "0");

    private static String names(String... names) {
        return URLEncoder.encode(String.join("\n", names), StandardCharsets.UTF_8);
    }

    @Test
    void aSheetPrintsTheFullAddressThatRegeneratesIt() {
        String html = book.get("/worksheets/softmax?seed=42&student=Ada").body();
        Matcher m = Pattern.compile("class=\"worksheet-address\">([^<]+)<").matcher(html);
        assertTrue(m.find(), "an address is printed");
        assertEquals(book.url("/worksheets/softmax?seed=42&amp;student=Ada"), m.group(1));
        String again = book.get(m.group(1).replace(book.url(""), "").replace("&amp;", "&")).body();
        assertTrue(again.contains("<strong class=\"worksheet-seed\">42</strong>"));
    }

    /** X-Forwarded-Proto is anyone's to send: a sheet's address believes it only behind the book's own proxy (--trust-proxy). */
    @Test
    void aSheetsAddressTakesTheSchemeAProxyReportsOnlyBehindTheBooksOwnProxy() throws Exception {
        java.net.http.HttpRequest forwarded = java.net.http.HttpRequest.newBuilder(java.net.URI.create(book.url("/worksheets/softmax?seed=42")))
                .header("X-Forwarded-Proto", "https").GET().build();
        Matcher untrusted = Pattern.compile("class=\"worksheet-address\">([^<]+)<").matcher(book.send(forwarded).body());
        assertTrue(untrusted.find());
        assertEquals(book.url("/worksheets/softmax?seed=42"), untrusted.group(1), "no --trust-proxy: the scheme the server saw");
        try (attentionbook.RunningBook proxied = attentionbook.RunningBook.start("--rate-limit", "0", "--trust-proxy")) {
            String html = proxied.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(proxied.url("/worksheets/softmax?seed=42")))
                    .header("X-Forwarded-Proto", "https").GET().build()).body();
            Matcher trusted = Pattern.compile("class=\"worksheet-address\">([^<]+)<").matcher(html);
            assertTrue(trusted.find());
            assertEquals(proxied.url("/worksheets/softmax?seed=42").replace("http://", "https://"), trusted.group(1));
        }
    }

    @Test
    void eachStudentGetsTheirOwnSheetHeadedWithNameAndSeed() {
        HttpResponse<String> response = book.get("/worksheets/roster?chapter=scaling&names=" + names("Ada", "", "  Bob Lee ", "Cy"));
        assertEquals(200, response.statusCode());
        String html = response.body();
        Matcher sheets = Pattern.compile("<article class=\"worksheet\" data-seed=\"(\\d+)\" data-student=\"([^\"]+)\">").matcher(html);
        int count = 0;
        for (String student : new String[]{"Ada", "Bob Lee", "Cy"}) {
            assertTrue(sheets.find(), "a sheet for " + student);
            assertEquals(student, sheets.group(2));
            assertEquals(Seeds.forStudent(student), Long.parseLong(sheets.group(1)), "the seed derived from " + student);
            assertTrue(html.contains("<h1>Worksheet: " + student + "</h1>"));
            assertTrue(html.contains(book.url("/worksheets/scaling?seed=" + Seeds.forStudent(student) + "&amp;student="
                    + URLEncoder.encode(student, StandardCharsets.UTF_8))), "the sheet's own address for " + student);
            count++;
        }
        assertEquals(3, count);
        // the same sheet as the student's own address gives
        String own = book.get("/worksheets/scaling?student=Cy").body();
        String ownPrompt = own.substring(own.indexOf("<h3"), own.indexOf("worksheet-rounding"));
        assertTrue(html.contains(ownPrompt.replace("exercise-" + Seeds.forStudent("Cy"), "exercise-" + Seeds.forStudent("Cy"))));
    }

    @Test
    void answerKeysForARoster() {
        String html = book.get("/worksheets/roster?answers=1&names=" + names("Ada", "Bob")).body();
        assertTrue(html.contains("<h1>Answer key: Ada</h1>") && html.contains("<h1>Answer key: Bob</h1>"));
        assertTrue(html.contains("Worked solution"));
    }

    @Test
    void withoutNamesTheFormAndWithBadNamesAClearError() {
        HttpResponse<String> form = book.get("/worksheets/roster");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("<textarea id=\"roster-names\" name=\"names\""));
        HttpResponse<String> empty = book.get("/worksheets/roster?names=" + names("", "  "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Type at least one name or student ID, one a line."));
        HttpResponse<String> tooLong = book.get("/worksheets/roster?names=" + names("Ada", "x".repeat(80)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("Line 2: the student name or ID is too long"), tooLong.body());
        HttpResponse<String> chapter = book.get("/worksheets/roster?chapter=nope&names=" + names("Ada"));
        assertEquals(400, chapter.statusCode());
        assertTrue(chapter.body().contains("There is no chapter with exercises called \"nope\""), chapter.body());
    }
}
