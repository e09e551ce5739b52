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
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a chapter's markdown body into HTML: the one place where the markdown parser's options are
 * set. Math is kept away from markdown, fenced directive blocks are rendered by their
 * {@link Directive}, and every h2/h3 gets an id for the chapter's outline.
 */
public final class MarkdownRenderer {

    /** What a chapter body becomes. */
    public record Rendered(String html, List<Heading> outline) {
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
        Node document = parser.parse(CalcExpander.expand(file, body, bodyFirstLine));
        Map<org.commonmark.node.Heading, String> ids = new IdentityHashMap<>();
        List<Heading> outline = new ArrayList<>();
        document.accept(new Checker(file, bodyFirstLine, ids, outline));
        PageLayout.arrange(document);

        HtmlRenderer html = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .nodeRendererFactory(BookNodes::new)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof org.commonmark.node.Heading h && ids.containsKey(h)) {
                        attributes.put("id", ids.get(h));
                    }
                })
                .build();
        return new Rendered(html.render(document), List.copyOf(outline));
    }

    /**
     * Markdown that a directive holds (a question, an answer): rendered with math and {{calc}} but
     * no directives and no headings, its errors reported by line within the fragment.
     */
    String fragment(String markdown) {
        try {
            Node document = parser.parse(CalcExpander.expand("", markdown, 0));
            document.accept(new AbstractVisitor() {
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
            return HtmlRenderer.builder().extensions(EXTENSIONS).nodeRendererFactory(BookNodes::new).build().render(document);
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
        private final Map<org.commonmark.node.Heading, String> ids;
        private final List<Heading> outline;
        private final IdGenerator idGenerator = IdGenerator.builder().build();

        Checker(String file, int firstLine, Map<org.commonmark.node.Heading, String> ids, List<Heading> outline) {
            this.file = file;
            this.firstLine = firstLine;
            this.ids = ids;
            this.outline = outline;
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
            try {
                String rendered = directive.render(new Directive.Block(argument, block.getLiteral(), MarkdownRenderer.this::fragment));
                block.insertBefore(new MathNodes.RenderedDirective(rendered));
                block.unlink();
            } catch (DirectiveException e) {
                throw new ContentError(file, lineOf(block) + e.lineInBody(), "```" + name + ": " + e.getMessage());
            }
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof MathNodes.UnclosedMath unclosed) {
                throw error(node, "math opened with \"" + unclosed.delimiter + "\" is never closed in this paragraph"
                        + " (write \\$ for a dollar sign)");
            }
            visitChildren(node);
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof MathNodes.DisplayMath math && !math.closed) {
                throw error(block, "display math opened with \"$$\" is never closed by a line ending in \"$$\"");
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

    /** HTML for the book's own nodes. */
    private static final class BookNodes implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter out;

        BookNodes(HtmlNodeRendererContext context) {
            this.context = context;
            this.out = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MathNodes.InlineMath.class, MathNodes.DisplayMath.class, MathNodes.RenderedDirective.class,
                    PageLayout.MathRun.class, PageLayout.TableScroll.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof PageLayout.MathRun || node instanceof PageLayout.TableScroll) {
                boolean block = node instanceof PageLayout.TableScroll;
                if (block) {
                    out.line();
                }
                out.tag(block ? "div" : "span", Map.of("class", block ? "table-scroll" : "math-run"));
                for (Node child = node.getFirstChild(); child != null; ) {
                    Node next = child.getNext();
                    context.render(child);
                    child = next;
                }
                out.tag(block ? "/div" : "/span");
                if (block) {
                    out.line();
                }
            } else if (node instanceof MathNodes.InlineMath math) {
                out.tag("span", Map.of("class", "math"));
                out.text(math.tex);
                out.tag("/span");
            } else if (node instanceof MathNodes.DisplayMath math) {
                out.line();
                out.tag("div", Map.of("class", "math display"));
                out.text(math.tex.toString().strip());
                out.tag("/div");
                out.line();
            } else if (node instanceof MathNodes.RenderedDirective directive) {
                out.line();
                out.raw(directive.html);
                out.line();
            }
        }
    }
}
