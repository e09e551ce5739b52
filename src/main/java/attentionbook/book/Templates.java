package attentionbook.book;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The book's jte templates (src/main/jte), compiled with the code: the one engine that writes HTML,
 * for the pages (web) and for the markup a chapter's directives put in them (book). jte escapes what a
 * template prints, so no markup here is built by hand.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    /** The template's HTML for its one parameter (a typed model: see each template's {@code @param}). */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, model, out);
        return out.toString();
    }
}
