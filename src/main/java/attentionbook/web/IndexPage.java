package attentionbook.web;

/** Model of index.jte: the chapters in order, with their summaries. */
public record IndexPage(Site site) {
}
