package attentionbook.book;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of a chapter's "On this page" list, with the sub-sections under it, so the page can
 * nest them (a list inside the section's item) instead of showing every heading at one level.
 */
public record OutlineEntry(Heading heading, List<Heading> children) {

    /** Groups each h3 under the h2 before it; an h3 with no h2 before it stands on its own. */
    public static List<OutlineEntry> of(List<Heading> headings) {
        List<OutlineEntry> entries = new ArrayList<>();
        List<Heading> children = null;
        for (Heading h : headings) {
            if (h.level() > 2 && children != null) {
                children.add(h);
            } else {
                List<Heading> mine = new ArrayList<>();
                entries.add(new OutlineEntry(h, mine));
                children = h.level() == 2 ? mine : null;
            }
        }
        return entries.stream().map(e -> new OutlineEntry(e.heading(), List.copyOf(e.children()))).toList();
    }
}
