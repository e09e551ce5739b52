package attentionbook.book;

import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** HTML for the book's own nodes: math, rendered directives and the layout wrappers of {@link PageLayout}. */
final class BookNodeRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter out;

    BookNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.out = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(MathNodes.InlineMath.class, MathNodes.DisplayMath.class, MathNodes.RenderedDirective.class,
                PageLayout.MathRun.class, PageLayout.TableScroll.class);
    }

    /**
     * A formula's attributes: with symbols of the notation table, their meanings (rendered once per
     * page, see book/symbol-meanings.jte) describe it, and symbols.js shows them on hover and focus.
     */
    private static Map<String, String> attributes(String cssClass, List<Symbol> symbols) {
        if (symbols.isEmpty()) {
            return Map.of("class", cssClass);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("class", cssClass + " has-symbols");
        attributes.put("aria-describedby", String.join(" ", symbols.stream().map(Symbol::id).toList()));
        return attributes;
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
            out.tag("span", attributes("math", math.symbols));
            out.text(math.tex);
            out.tag("/span");
        } else if (node instanceof MathNodes.DisplayMath math) {
            out.line();
            out.tag("div", attributes("math display", math.symbols));
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
