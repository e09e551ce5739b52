package attentionbook.web;

/**
 * The largest request the attention API computes, so that one request at every limit at once (parse,
 * compute, write the response) stays well under 10 ms: the measured figure is in
 * src/test/java/attentionbook/benchmarks/README.md, and README.md ("API") documents the limits.
 * The response holds about B·h·4·T² numbers (scores, scaled, masked and weights of every head of every
 * sequence) and writing them is most of the cost, so the tokens are counted over the whole batch:
 * a batch never costs more than the longest single sequence. The body's cost is parsing the
 * weights, 4·d² numbers at most: the width stops at the lab's widest model (d_model 64) so that any
 * trained layer opens in the widgets, and a 64-wide layer is still only a few milliseconds of work. The
 * book's widgets use T = 6, d = 3; its batch examples are 2 to 4 short sequences.
 */
public final class AttentionLimits {
    private AttentionLimits() {
    }

    /** Tokens in the whole request: T for one sequence, B·T for a batch. */
    public static final int MAX_TOKENS = 16;
    /** B: sequences in a batched x. */
    public static final int MAX_BATCH = 4;
    /** d_model, h·d_k, h·d_v and d_out: every side of every weight matrix; the lab's d_model goes up to this. */
    public static final int MAX_WIDTH = 64;
    /** h: attention heads. */
    public static final int MAX_HEADS = 8;
    /**
     * The body in bytes: the limit of every JSON API ({@link JsonBody#MAX_BYTES}). Every matrix at its limit
     * (X 16×64 and four 64×64 weights), written in full, takes about 370 KiB.
     */
    public static final int MAX_BODY_BYTES = JsonBody.MAX_BYTES;

    /** Rejects a count above its limit, e.g. "x": 20 rows (tokens, T), more than the API's limit of 16. */
    static void require(String field, String what, int count, int limit) {
        if (count > limit) {
            throw RejectedRequest.badRequest("\"" + field + "\": " + count + " " + what + ", more than the API's limit of "
                    + limit + " (the limits keep every request fast; see the API section of the README)");
        }
    }
}
