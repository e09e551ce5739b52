package attentionbook;

import attentionbook.book.Book;
import attentionbook.book.Chapter;
import attentionbook.book.Mappers;
import attentionbook.web.Assets;
import attentionbook.web.Pages;
import attentionbook.web.PreparedBody;
import attentionbook.web.SeedPolicy;
import attentionbook.web.TypesetMath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step of the build (Maven's process-classes phase), not of the server: renders every chapter page
 * of the bundled book, lists the formulas on them and has Node.js typeset them with the book's KaTeX
 * ({@code src/build/typeset-math.mjs}) into {@link TypesetMath#RESOURCE} and a stylesheet of KaTeX's
 * inline styles. Without Node.js the build goes on, and the pages typeset their math in the browser.
 *
 * <p>Arguments: the build's work folder (target/math), its classes folder (target/classes) and the script.
 */
public final class TypesetMathBuild {
    private TypesetMathBuild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path work = Files.createDirectories(Path.of(args[0]));
        Path classes = Path.of(args[1]);
        String script = args[2];
        Path formulas = work.resolve("formulas.json");
        Files.writeString(formulas, Mappers.JSON.writeValueAsString(formulasOfTheBook()));
        Path katex = work.resolve("katex.min.js");
        try (InputStream in = TypesetMath.class.getClassLoader().getResourceAsStream(Assets.KATEX + "/katex.min.js")) {
            if (in == null) {
                throw new IllegalStateException("KaTeX's webjar is not on the classpath: " + Assets.KATEX);
            }
            Files.write(katex, in.readAllBytes());
        }
        Path json = classes.resolve(TypesetMath.RESOURCE);
        Files.createDirectories(json.getParent());
        Path css = classes.resolve("book/static/" + Assets.TYPESET_MATH_CSS);
        List<String> command = List.of("node", script, katex.toString(), formulas.toString(), json.toString(), css.toString());
        Process node;
        try {
            node = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            Files.deleteIfExists(json);
            Files.deleteIfExists(css);
            System.out.println("Node.js was not found (" + e.getMessage() + "): the chapters' math will be typeset in the browser instead of at build time.");
            return;
        }
        if (node.waitFor() != 0) {
            throw new IllegalStateException("typesetting the book's formulas failed: " + String.join(" ", command) + " exited with " + node.exitValue());
        }
    }

    /** Every formula on the bundled book's chapter pages, as the pages hold them before typesetting. */
    private static List<Map<String, String>> formulasOfTheBook() {
        Book book = App.loadBundledBook();
        Pages pages = new Pages(book, Assets.load(), "", null, null, SeedPolicy.OPEN, false, TypesetMath.NONE);
        Map<String, TypesetMath.Formula> found = new LinkedHashMap<>();
        for (Chapter chapter : book.allChapters()) {
            PreparedBody page = pages.chapter(chapter.slug()).orElseThrow();
            TypesetMath.formulasIn(new String(page.identity(), StandardCharsets.UTF_8)).forEach(found::putIfAbsent);
        }
        return found.entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "tex", e.getValue().tex(), "form", e.getValue().form()))
                .toList();
    }
}
