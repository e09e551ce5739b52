package attentionbook.web;

/**
 * The largest request the attention API computes, so that one request at every limit at once (parse,
 * compute, write the answer) stays well under 10 ms: the measured figure is in
 * src/test/java/attentionbook/benchmarks/README.md, and README.md ("API") documents the limits.
 * The cost is mostly the answer's size, about B·h·4·T² numbers (scores, scaled, masked and weights
 * of every head of every sequence), so the tokens of a whole batch are limited as well as T.
 * The book's widgets use T = 6, d = 3; its batch examples B = 2 to 4 short sequences.
 */
public final class AttentionLimits {
    private AttentionLimits() {
    }

    /** T: tokens in one sequence (rows of x). */
    public static final int MAX_TOKENS = 16;
    /** B: sequences in a batched x. */
    public static final int MAX_BATCH = 4;
    /** B·T: tokens in the whole request, so that a full batch of the longest sequences is refused. */
    public static final int MAX_BATCH_TOKENS = 32;
    /** d_model, h·d_k, h·d_v and d_out: every side of every weight matrix. */
    public static final int MAX_WIDTH = 32;
    /** h: attention heads. */
    public static final int MAX_HEADS = 8;
    /** The body in bytes, the server's limit for every request: every matrix at its limit, written in full, takes about 100 KiB. */
    public static final int MAX_BODY_BYTES = Math.toIntExact(ServerSettings.MAX_BODY_BYTES);

    /** Rejects a count above its limit, e.g. "x": 40 rows (tokens, T), more than the API's limit of 32. */
    static void require(String field, String what, int count, int limit) {
        if (count > limit) {
            throw new RejectedRequest(400, "\"" + field + "\": " + count + " " + what + ", more than the API's limit of "
                    + limit + " (the limits keep every request fast; see the API section of the README)");
        }
    }
}
