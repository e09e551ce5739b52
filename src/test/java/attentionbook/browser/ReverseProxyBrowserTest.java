package attentionbook.browser;

import attentionbook.RunningBook;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The book as an instructor deploys it: Debian's nginx on loopback in front of two instances, under
 * the prefix /attention, browsed in a real Chromium. Skipped, saying why, where nginx is missing.
 */
class ReverseProxyBrowserTest {
    static final Path NGINX = Path.of(System.getenv().getOrDefault("NGINX_PATH", "/usr/sbin/nginx"));

    @Test
    void twoInstancesBehindNginxUnderAPrefix(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx): the reverse-proxy test is skipped");
        try (RunningBook first = RunningBook.start("--base-path", "/attention", "--trust-proxy");
             RunningBook second = RunningBook.start("--base-path", "/attention", "--trust-proxy")) {
            int port = freePort();
            Process nginx = startNginx(dir, port, List.of(first.url(""), second.url("")));
            try {
                String base = "http://127.0.0.1:" + port + "/attention/";
                waitUntilUp(base + "health");
                browse(base);
                first.close(); // one instance goes away: the other serves the same course, no session lost
                browse(base);
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void browse(String base) {
        try (Browsers.Tab tab = Browsers.open(1280, 800)) {
            Page page = tab.page();
            page.navigate(base);
            page.locator(".chapter-list a").first().click();
            Browsers.settle(page);
            assertTrue(page.url().startsWith(base + "chapters/"), page.url());
            page.locator(".katex").first().waitFor();   // typesetting is lazy: on-screen formulas come first, after the load
            assertTrue(page.locator(".katex").count() > 0, "KaTeX typeset through the proxy");
            Object font = page.evaluate("() => getComputedStyle(document.body).fontFamily");
            assertTrue(String.valueOf(font).contains("system-ui"), "the stylesheet arrived: " + font);
            assertEquals(List.of(), tab.errors(), "console errors or failed requests through the proxy");
            tab.screenshot("nginx-prefix-chapter");
        }
    }

    private static Process startNginx(Path dir, int port, List<String> upstreams) throws IOException {
        StringBuilder servers = new StringBuilder();
        for (String upstream : upstreams) {
            servers.append("    server ").append(URI.create(upstream).getAuthority()).append(" max_fails=1 fail_timeout=5s;\n");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = (root ? "user root;\n" : "") + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream book {
                %2$s  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location /attention/ {
                      proxy_pass http://book;
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_next_upstream error timeout http_502;
                    }
                  }
                }
                """.formatted(dir, servers, port);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        return new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    }

    private static void waitUntilUp(String url) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // nginx is still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not answer at " + url);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
