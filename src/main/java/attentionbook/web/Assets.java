package attentionbook.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The book's CSS, JavaScript and fonts, held in memory and served under a fingerprinted prefix
 * ({@code /static/<version>/css/book.css}) with a year-long immutable cache: a new build has a new
 * version, so a browser never keeps a stale file. Requests are answered by map lookup only, so no
 * path trick can reach the file system.
 */
public final class Assets {
    /** The KaTeX webjar's folder, at the version the pom names (written into vendor.properties at build time). */
    /** KaTeX's files in its webjar. */
    public static final String KATEX = "META-INF/resources/webjars/katex/" + vendorVersion("katex") + "/dist";
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");

    /**
     * The screen stylesheets every page uses, in cascade order. They are kept apart to be edited by job
     * and served as one file, {@link #PAGE_CSS}, so that a page waits for one stylesheet request of ours,
     * not ten (on a phone's network each one a round trip before the first paint).
     */
    static final List<String> PAGE_CSS_PARTS = List.of("book.css", "type.css", "components.css", "fit.css", "heat.css",
            "widgets.css", "exercises.css", "full-attention.css", "reader.css", "symbols.css");
    /** KaTeX's inline styles as classes, for the formulas typeset at build time; last of the page stylesheet when the build made it. */
    public static final String TYPESET_MATH_CSS = "css/typeset-math.css";
    /** The parts above joined, under the same folder so that any relative url() keeps its meaning. */
    public static final String PAGE_CSS = "css/page.css";

    private final Map<String, PreparedBody> files;
    private final String version;

    private Assets(Map<String, PreparedBody> files, String version) {
        this.files = files;
        this.version = version;
    }

    private static String vendorVersion(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("vendor.properties")) {
            if (in == null) {
                throw new IllegalStateException("vendor.properties is missing from the build");
            }
            Properties versions = new Properties();
            versions.load(in);
            return Objects.requireNonNull(versions.getProperty(name), name + " has no version in vendor.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads static/ from the jar (or classes folder) and the KaTeX files from its webjar. */
    public static Assets load() {
        Map<String, byte[]> raw = new TreeMap<>();
        readTree(ClasspathFolder.resolve("book/static"), "", raw);
        Path katex = ClasspathFolder.resolve(KATEX + "/katex.min.js").getParent();
        // The minified build: half the bytes of katex.mjs, and no parse of what a minifier removes.
        for (String file : new String[]{"katex.min.js", "katex.min.css"}) {
            raw.put("vendor/katex/" + file, read(katex.resolve(file)));
        }
        try (Stream<Path> fonts = Files.list(katex.resolve("fonts"))) {
            fonts.filter(p -> p.getFileName().toString().endsWith(".woff2"))
                    .forEach(p -> raw.put("vendor/katex/fonts/" + p.getFileName(), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        raw.put(PAGE_CSS, joined(raw));
        MessageDigest digest = sha256();
        Map<String, PreparedBody> files = new TreeMap<>();
        raw.forEach((path, bytes) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            files.put(path, PreparedBody.of(bytes, typeOf(path)));
        });
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new Assets(Map.copyOf(files), version);
    }

    private static byte[] joined(Map<String, byte[]> raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : PAGE_CSS_PARTS) {
            byte[] bytes = raw.get("css/" + part);
            if (bytes == null) {
                throw new IllegalStateException("static/css/" + part + " is missing: the page stylesheet is made of " + PAGE_CSS_PARTS);
            }
            out.writeBytes(("/* " + part + " */\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] typesetMath = raw.get(TYPESET_MATH_CSS);
        if (typesetMath != null) {
            out.writeBytes(typesetMath);
        }
        return out.toByteArray();
    }

    /** The fingerprint in every asset URL. */
    public String version() {
        return version;
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    /** GET /static/{version}/{path}. */
    public void serve(Context ctx, String requestedVersion, String path) {
        PreparedBody file = files.get(path);
        if (file == null) {
            ctx.status(404);
            return;
        }
        // An old version's URL still gets today's file, but must not be cached as if immutable.
        String cache = version.equals(requestedVersion) ? "public, max-age=31536000, immutable" : "no-cache";
        file.send(ctx, cache);
    }

    private static void readTree(Path root, String prefix, Map<String, byte[]> into) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String relative = root.relativize(p).toString().replace('\\', '/');
                into.put(prefix + relative, read(p));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String typeOf(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
