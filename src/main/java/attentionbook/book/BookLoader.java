package attentionbook.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads chapter files ({@code NN-slug.md}) from one or more folders and renders them. A later
 * folder's chapter replaces an earlier one with the same slug (an instructor's own version of one
 * of ours); within one folder a slug may appear once. Any mistake stops loading with a
 * {@link ContentError}.
 */
public final class BookLoader {
    private static final Pattern CHAPTER_FILE = Pattern.compile("(\\d{1,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    private final MarkdownRenderer renderer;

    public BookLoader(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    /** A folder of chapters and the name it has in messages ("content", or the path given). */
    public record Folder(Path path, String displayName) {
    }

    public Book load(List<Folder> folders) {
        Map<Folder, Map<Path, String>> texts = new LinkedHashMap<>();
        for (Folder folder : folders) {
            Map<Path, String> inFolder = new LinkedHashMap<>();
            for (Path file : markdownFiles(folder)) {
                inFolder.put(file, read(folder.displayName() + "/" + file.getFileName(), file));
            }
            texts.put(folder, inFolder);
        }
        String notation = notationBody(texts);
        SymbolTable symbols = notation == null ? SymbolTable.EMPTY : SymbolTable.parse(notation);
        Glossary glossary = notation == null ? Glossary.EMPTY : Glossary.parse(notation);
        return loadAll(folders, texts, titles(texts), symbols, glossary);
    }

    /** Every chapter's title by slug, a later folder's replacing an earlier one's, read before any chapter is rendered. */
    private static Map<String, String> titles(Map<Folder, Map<Path, String>> texts) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Map.Entry<Folder, Map<Path, String>> folder : texts.entrySet()) {
            for (Map.Entry<Path, String> file : folder.getValue().entrySet()) {
                Matcher m = CHAPTER_FILE.matcher(file.getKey().getFileName().toString());
                if (m.matches()) {      // a misnamed file is reported when it is loaded
                    String source = folder.getKey().displayName() + "/" + file.getKey().getFileName();
                    titles.put(m.group(2), FrontMatter.parse(source, file.getValue()).title());
                }
            }
        }
        return titles;
    }

    private Book loadAll(List<Folder> folders, Map<Folder, Map<Path, String>> texts, Map<String, String> titles,
                         SymbolTable symbols, Glossary glossary) {
        List<Source> sources = new ArrayList<>();
        for (Folder folder : folders) {
            for (Map.Entry<Path, String> entry : texts.get(folder).entrySet()) {
                String name = entry.getKey().getFileName().toString();
                sources.add(new Source(folder.displayName() + "/" + name, name, entry.getValue()));
            }
        }
        List<Rendered> rendered = renderAll(sources, titles, symbols);
        Map<String, Chapter> bySlug = new LinkedHashMap<>();
        int next = 0;
        for (Folder folder : folders) {
            Map<String, Chapter> inFolder = new LinkedHashMap<>();
            for (int i = 0; i < texts.get(folder).size(); i++) {
                Chapter chapter = rendered.get(next++).chapter();   // throws that chapter's mistake, in the files' order
                Chapter twin = inFolder.put(chapter.slug(), chapter);
                if (twin != null) {
                    throw new ContentError(chapter.source(), 0, "the slug \"" + chapter.slug()
                            + "\" is already used by " + twin.source() + ": two chapters cannot share an address");
                }
            }
            bySlug.putAll(inFolder);
        }
        if (bySlug.isEmpty()) {
            String where = String.join(", ", folders.stream().map(Folder::displayName).toList());
            throw new ContentError(where, 0, "no chapters found: a chapter is a file named NN-slug.md, e.g. 01-why-attention.md");
        }
        checkLinks(bySlug);
        List<Chapter> ordered = new ArrayList<>(bySlug.values());
        // Chapters in NN order first, then reference pages (notation, guides) in theirs.
        ordered.sort(Comparator.comparing(Chapter::reference).thenComparingInt(Chapter::number).thenComparing(Chapter::slug));
        return new Book(ordered, glossary);
    }

    /** A chapter file read, before it is rendered. */
    private record Source(String source, String name, String text) {
    }

    /** A chapter rendered, or the mistake that stopped it. */
    private record Rendered(Chapter result, RuntimeException mistake) {
        Chapter chapter() {
            if (mistake != null) {
                throw mistake;
            }
            return result;
        }
    }

    /**
     * Renders every chapter, several at once (start-up waits for this, and a chapter's markdown, figures
     * and widgets' first states take one core a while). Each result keeps its place, and a mistake is
     * kept rather than thrown, so the loader reports the first mistake in the files' order whichever
     * chapter finished first: the same message as rendering them one after the other.
     */
    private List<Rendered> renderAll(List<Source> sources, Map<String, String> titles, SymbolTable symbols) {
        Rendered[] rendered = new Rendered[sources.size()];
        IntStream.range(0, sources.size()).parallel().forEach(i -> {
            Source s = sources.get(i);
            try {
                rendered[i] = new Rendered(ChapterTitles.during(titles,
                        () -> loadChapter(s.source(), s.name(), s.text(), symbols)), null);
            } catch (RuntimeException e) {
                rendered[i] = new Rendered(null, e);
            }
        });
        return List.of(rendered);
    }

    private List<Path> markdownFiles(Folder folder) {
        if (!Files.isDirectory(folder.path())) {
            throw new ContentError(folder.displayName(), 0, "not a folder of chapters");
        }
        try (Stream<Path> files = Files.list(folder.path())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ContentError(folder.displayName(), 0, "cannot list the folder: " + e.getMessage());
        }
    }

    /**
     * The notation page's markdown body (null without one), read before any chapter is rendered so that
     * every chapter's math can be marked with its table: the last folder's NN-notation.md wins, as its
     * chapter does.
     */
    private static String notationBody(Map<Folder, Map<Path, String>> texts) {
        String body = null;
        for (Map.Entry<Folder, Map<Path, String>> folder : texts.entrySet()) {
            for (Map.Entry<Path, String> file : folder.getValue().entrySet()) {
                Matcher m = CHAPTER_FILE.matcher(file.getKey().getFileName().toString());
                if (m.matches() && m.group(2).equals(SymbolTable.NOTATION_SLUG)) {
                    String source = folder.getKey().displayName() + "/" + file.getKey().getFileName();
                    body = FrontMatter.parse(source, file.getValue()).body();
                }
            }
        }
        return body;
    }

    private Chapter loadChapter(String source, String name, String text, SymbolTable symbols) {
        Matcher m = CHAPTER_FILE.matcher(name);
        if (!m.matches()) {
            throw new ContentError(source, 0, "a chapter file is named NN-slug.md: a number, a dash, then lower-case"
                    + " words joined by dashes (e.g. 03-queries-keys-values.md)");
        }
        FrontMatter front = FrontMatter.parse(source, text);
        MarkdownRenderer.Rendered body = renderer.render(source, front.body(), front.bodyFirstLine(), symbols);
        return new Chapter(Integer.parseInt(m.group(1)), m.group(2), front.title(), front.summary(), source,
                body.html(), body.outline(), front.reference(), body.directives(), body.links(), body.anchors(),
                body.symbols());
    }

    /**
     * Every link between chapters must arrive: a relative link names a slug of the book, and an
     * anchor after it (or alone, within the page) names a heading that exists.
     */
    private static void checkLinks(Map<String, Chapter> bySlug) {
        for (Chapter chapter : bySlug.values()) {
            for (LinkTarget link : chapter.links()) {
                String href = link.destination();
                if (href.isEmpty() || href.contains(":") || href.startsWith("/") || href.startsWith("#fn")) {
                    continue; // absolute, external (https:, mailto:) or a footnote
                }
                if (href.startsWith("../")) {
                    continue; // a page of the site beside the chapters (../lab): relative, so it works under a base path
                }
                String slug = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
                Chapter target = slug.isEmpty() ? chapter : bySlug.get(slug);
                String problem = null;
                if (target == null) {
                    problem = "the link to \"" + href + "\" names no chapter (chapters: " + String.join(", ", bySlug.keySet()) + ")";
                } else if (anchor != null && !anchor.isEmpty() && !target.anchors().contains(anchor)) {
                    problem = "the link to \"" + href + "\" names no heading of " + target.source();
                }
                if (problem != null) {
                    throw new ContentError(chapter.source(), link.line(), problem);
                }
            }
        }
    }

    private static String read(String source, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\r\n", "\n")
                    .replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new ContentError(source, 0, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
