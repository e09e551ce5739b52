package attentionbook.book;

import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a chapter's markdown body into HTML: the one place where the markdown parser's options are
 * set. Math is kept away from markdown, fenced directive blocks are rendered by their
 * {@link Directive}, and every h2/h3 gets an id for the chapter's outline.
 */
public final class MarkdownRenderer {

    /**
     * What a chapter body becomes: its HTML and outline, and what the parser found in it: its
     * directive blocks, its links' targets and its headings' ids.
     */
    public record Rendered(String html, List<Heading> outline, List<DirectiveUse> directives, List<LinkTarget> links,
                           Set<String> anchors, List<SymbolUse> symbols) {
    }

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnotesExtension.create());

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .customInlineContentParserFactory(new MathInlineParser.Factory())
            .customBlockParserFactory(new MathBlockParser.Factory())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final Map<String, Directive> directives;

    public MarkdownRenderer(Map<String, Directive> directives) {
        this.directives = Map.copyOf(directives);
    }

    /**
     * @param file          the name used in error messages
     * @param body          markdown, without front matter
     * @param bodyFirstLine the file line on which {@code body} starts, so errors name real lines
     */
    public Rendered render(String file, String body, int bodyFirstLine) {
        return render(file, body, bodyFirstLine, SymbolTable.EMPTY);
    }

    /** As {@link #render(String, String, int)}, marking the math that uses the notation table's symbols. */
    public Rendered render(String file, String body, int bodyFirstLine, SymbolTable symbols) {
        String expanded = CalcExpander.expand(file, body, bodyFirstLine);
        Node document = parser.parse(expanded);
        Map<org.commonmark.node.Heading, String> ids = new IdentityHashMap<>();
        Checker checker = new Checker(file, bodyFirstLine, expanded, ids, symbols);
        document.accept(checker);
        PageLayout.arrange(document);

        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .nodeRendererFactory(BookNodeRenderer::new)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof org.commonmark.node.Heading h && ids.containsKey(h)) {
                        attributes.put("id", ids.get(h));
                    }
                })
                .build();
        return new Rendered(html.render(document), List.copyOf(checker.outline), List.copyOf(checker.uses),
                List.copyOf(checker.links), Set.copyOf(ids.values()), List.copyOf(checker.symbolUses.values()));
    }

    /**
     * Markdown that a directive holds (a question, an answer): rendered with math and {{calc}} but
     * no directives and no headings, its errors reported by line within the fragment.
     */
    String fragment(String markdown) {
        return fragment(markdown, new ArrayList<>(), 0);
    }

    /** A fragment whose links are added to {@code links}, at {@code line} (the directive's fence). */
    private String fragment(String markdown, List<LinkTarget> links, int line) {
        try {
            Node document = parser.parse(CalcExpander.expand("", markdown, 0));
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    links.add(new LinkTarget(link.getDestination(), line));
                    visitChildren(link);
                }

                @Override
                public void visit(CustomNode node) {
                    if (node instanceof MathNodes.UnclosedMath unclosed) {
                        throw new DirectiveException("math opened with \"" + unclosed.delimiter + "\" is never closed", lineIndex(node));
                    }
                    visitChildren(node);
                }

                @Override
                public void visit(org.commonmark.node.Heading heading) {
                    throw new DirectiveException("no headings inside a directive", lineIndex(heading));
                }

                @Override
                public void visit(FencedCodeBlock block) {
                    if (directives.containsKey(block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+")[0])) {
                        throw new DirectiveException("a directive cannot hold another directive", lineIndex(block));
                    }
                }
            });
            PageLayout.arrange(document);
            return HtmlRenderer.builder().extensions(EXTENSIONS).nodeRendererFactory(BookNodeRenderer::new).build().render(document);
        } catch (ContentError e) {
            throw new DirectiveException(e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e.line());
        }
    }

    private static int lineIndex(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.getSourceSpans().isEmpty()) {
                return n.getSourceSpans().get(0).getLineIndex();
            }
        }
        return 0;
    }

    /** Walks the tree once: reports mistakes with their line, runs directives, numbers headings. */
    private final class Checker extends AbstractVisitor {
        private final String file;
        private final int firstLine;
        private final String text;
        private final Map<org.commonmark.node.Heading, String> ids;
        private final IdGenerator idGenerator = IdGenerator.builder().build();
        final List<Heading> outline = new ArrayList<>();
        final List<DirectiveUse> uses = new ArrayList<>();
        final List<LinkTarget> links = new ArrayList<>();
        final Map<String, SymbolUse> symbolUses = new LinkedHashMap<>();
        private final SymbolTable table;
        private String section = "";

        /** @param text the markdown as parsed, which the nodes' source spans index */
        Checker(String file, int firstLine, String text, Map<org.commonmark.node.Heading, String> ids, SymbolTable table) {
            this.file = file;
            this.firstLine = firstLine;
            this.text = text;
            this.ids = ids;
            this.table = table;
        }

        /** The table's symbols in one formula, each recorded at its first use; the formula is marked unless it sits in a heading or a link. */
        private List<Symbol> symbolsOf(Node math, String tex) {
            List<Symbol> found = table.symbolsIn(tex);
            found.forEach(s -> symbolUses.putIfAbsent(s.key(), new SymbolUse(s, section)));
            for (Node n = math.getParent(); n != null; n = n.getParent()) {
                if (n instanceof org.commonmark.node.Heading || n instanceof Link) {
                    return List.of();
                }
            }
            return found;
        }

        @Override
        public void visit(Link link) {
            // A reference link ("[text][name]") is reported at its definition, where the target is written.
            List<SourceSpan> spans = link.getSourceSpans();
            SourceSpan last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            boolean inline = last == null || text.charAt(last.getInputIndex() + last.getLength() - 1) == ')';
            if (inline) {
                links.add(new LinkTarget(link.getDestination(), lineOf(link)));
            }
            visitChildren(link);
        }

        @Override
        public void visit(LinkReferenceDefinition definition) {
            links.add(new LinkTarget(definition.getDestination(), lineOf(definition)));
        }

        @Override
        public void visit(org.commonmark.node.Heading heading) {
            if (heading.getLevel() == 1) {
                throw error(heading, "use \"##\" for sections: the chapter's title is its only top-level heading");
            }
            String text = plainText(heading).strip();
            String id = idGenerator.generateId(text);
            ids.put(heading, id);
            if (heading.getLevel() <= 3) {
                outline.add(new Heading(heading.getLevel(), id, text));
                section = id;
            }
            visitChildren(heading);
        }

        @Override
        public void visit(FencedCodeBlock block) {
            if (block.getClosingFenceLength() == null) {
                throw error(block, "this code block is never closed: add a line " + block.getFenceCharacter().repeat(block.getOpeningFenceLength()));
            }
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String name = info.split("\\s+", 2)[0];
            Directive directive = directives.get(name);
            if (directive == null) {
                return;
            }
            String argument = info.substring(name.length()).strip();
            int line = lineOf(block);
            uses.add(new DirectiveUse(name, argument, block.getLiteral(), line));
            try {
                String rendered = directive.render(new Directive.Block(argument, block.getLiteral(), md -> fragment(md, links, line)));
                block.insertBefore(new MathNodes.RenderedDirective(rendered));
                block.unlink();
            } catch (DirectiveException e) {
                throw new ContentError(file, line + e.lineInBody(), "```" + name + ": " + e.getMessage());
            }
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof MathNodes.UnclosedMath unclosed) {
                throw error(node, "math opened with \"" + unclosed.delimiter + "\" is never closed in this paragraph"
                        + " (write \\$ for a dollar sign)");
            }
            if (node instanceof MathNodes.InlineMath math) {
                math.symbols = symbolsOf(math, math.tex);
            }
            visitChildren(node);
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof MathNodes.DisplayMath math && !math.closed) {
                throw error(block, "display math opened with \"$$\" is never closed by a line ending in \"$$\"");
            }
            if (block instanceof MathNodes.DisplayMath math) {
                math.symbols = symbolsOf(math, math.tex.toString());
            }
            visitChildren(block);
        }

        private ContentError error(Node node, String problem) {
            return new ContentError(file, lineOf(node), problem);
        }

        private int lineOf(Node node) {
            for (Node n = node; n != null; n = n.getParent()) {
                List<SourceSpan> spans = n.getSourceSpans();
                if (!spans.isEmpty()) {
                    return firstLine + spans.get(0).getLineIndex();
                }
            }
            return firstLine;
        }
    }

    /** The text a reader sees in a heading, with math as its TeX. */
    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(CustomNode custom) {
                if (custom instanceof MathNodes.InlineMath math) {
                    out.append(math.tex);
                }
                visitChildren(custom);
            }
        });
        return out.toString();
    }
}
