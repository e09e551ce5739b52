package attentionbook.web;

/**
 * Model of instructor/login.jte.
 *
 * @param error      why the last try failed, or null
 * @param next       the instructor page to open once logged in (a path below the book's base)
 * @param configured false when the course sets no instructor key, so there is nothing to log in with
 * @param signedIn   true when this browser is already logged in
 */
public record LoginPage(Site site, String error, String next, boolean configured, boolean signedIn) {
}
