package attentionbook.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notation page's glossary, read from its markdown: each item of the list under "## Glossary"
 * opens with a bold term and names, with its first link into the book, the section that defines the
 * term ("See [Masking](masking#the-mask-matrix)"). The chapters' recaps recall a term from there.
 */
public final class Glossary {
    public static final Glossary EMPTY = new Glossary(List.of());

    /**
     * One term.
     *
     * @param name      as the glossary writes it ("KV cache", "Decoder, encoder")
     * @param spellings what a chapter's text may call it: each comma-separated part of the name and a
     *                  plain abbreviation in brackets after it ("GQA"), matched whole-word, any case, with a plural
     * @param definedAt the page and section that define it ("masking#the-mask-matrix"), or null when no item link says
     */
    public record Term(String name, List<String> spellings, String definedAt) {
        public Term {
            spellings = List.copyOf(spellings);
        }

        /** The chapter slug of {@link #definedAt}. */
        public String definedIn() {
            return definedAt == null ? null : definedAt.split("#", 2)[0];
        }
    }

    private static final Pattern ITEM = Pattern.compile("^- \\*\\*([^*]+)\\*\\*(?:\\s*\\(([^)$]+)\\))?");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private final List<Term> terms;

    private Glossary(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public List<Term> terms() {
        return terms;
    }

    /** The glossary of a notation page's markdown body; a page without "## Glossary" gives an empty one. */
    public static Glossary parse(String markdown) {
        List<String> items = new ArrayList<>();
        boolean inGlossary = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                inGlossary = line.strip().equals("## Glossary");
            } else if (inGlossary && line.startsWith("- ")) {
                items.add(line);
            } else if (inGlossary && line.startsWith("  ") && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
            }
        }
        List<Term> terms = new ArrayList<>();
        for (String item : items) {
            Matcher m = ITEM.matcher(item);
            if (m.find()) {
                terms.add(new Term(m.group(1).strip(), spellings(m.group(1), m.group(2)), definedAt(item)));
            }
        }
        return new Glossary(terms);
    }

    private static List<String> spellings(String name, String abbreviation) {
        List<String> out = new ArrayList<>();
        for (String part : name.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (abbreviation != null && !abbreviation.isBlank()) {
            out.add(abbreviation.strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The item's first link into the book: not to another site, not to a place on the notation page itself. */
    private static String definedAt(String item) {
        Matcher link = LINK.matcher(item);
        while (link.find()) {
            String target = link.group(1);
            if (!target.contains(":") && !target.startsWith("#") && !target.startsWith("/")) {
                return target;
            }
        }
        return null;
    }
}
