package attentionbook.web;

/** Model of error.jte: a status, a title, and a sentence on what to do next. */
public record ErrorPage(Site site, int status, String heading, String message) {
}
