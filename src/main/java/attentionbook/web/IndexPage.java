package attentionbook.web;

/** Model of index.jte: the chapters in order, with their summaries, and a course's welcome (HTML, or null). */
public record IndexPage(Site site, String welcomeHtml) {
}
