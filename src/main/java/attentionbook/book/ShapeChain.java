package attentionbook.book;

import attentionbook.attention.Costs;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of every tensor of multi-head attention for a batch of B sequences of T tokens, width
 * d_model and h heads, with the product rule [.., A, B]·[B, C] = [.., A, C] at each product. When h
 * does not divide d_model the chain stops where the split into heads fails, and {@code problem} says why.
 */
public record ShapeChain(int batch, int ctx, @JsonProperty("d_model") int dModel, int heads,
                         @JsonProperty("d_k") Integer dK, boolean possible, String problem, List<Stage> stages) {

    /** The largest sizes the shapes widget and its API accept; every count then fits a long. */
    public static final int MAX_BATCH = 1024;
    public static final int MAX_CTX = 65_536;
    public static final int MAX_D_MODEL = 65_536;
    public static final int MAX_HEADS = 1024;

    /**
     * One tensor along the way.
     *
     * @param key     a stable name for scripts and tests ("x", "q", "scores", ...)
     * @param name    what the book calls it, e.g. "S = Q·Kᵀ (per head)"
     * @param shape   its sizes, outermost first
     * @param axes    what each size counts
     * @param count   how many numbers it holds
     * @param product how it was made when it is a product, else null
     * @param note    one sentence on where it comes from
     */
    public record Stage(String key, String name, List<Integer> shape, List<String> axes, long count, Product product, String note) {
    }

    /** A product [.., A, B]·[B, C] = [.., A, C]: the inner size must agree and disappears. */
    public record Product(List<Integer> left, List<Integer> right, int inner, String rule) {
    }

    public static ShapeChain of(int batch, int ctx, int dModel, int heads) {
        check("batch", batch, MAX_BATCH);
        check("ctx", ctx, MAX_CTX);
        check("d_model", dModel, MAX_D_MODEL);
        check("heads", heads, MAX_HEADS);
        List<Stage> stages = new ArrayList<>();
        List<Integer> x = List.of(batch, ctx, dModel);
        List<Integer> w = List.of(dModel, dModel);
        stages.add(stage("x", "X", x, List.of("batch", "ctx", "d_model"), null,
                "the input: " + count(batch, "sequence") + " of " + count(ctx, "token") + ", each token "
                        + count(dModel, "number") + " wide"));
        stages.add(stage("wq", "W_Q (W_K and W_V alike)", w, List.of("d_model", "h·d_k"), null,
                "one weight matrix, shared by every token of every sequence"));
        stages.add(stage("q", "Q = X·W_Q (K and V alike)", x, List.of("batch", "ctx", "h·d_k"), product(x, w),
                "each token's row times W_Q: the batch and ctx axes ride along"));
        if (dModel % heads != 0) {
            return new ShapeChain(batch, ctx, dModel, heads, null, false, problem(dModel, heads), List.copyOf(stages));
        }
        int dk = (int) Costs.headWidth(dModel, heads);
        List<Integer> perHead = List.of(batch, heads, ctx, dk);
        List<Integer> keysT = List.of(batch, heads, dk, ctx);
        List<Integer> grid = List.of(batch, heads, ctx, ctx);
        List<String> headAxes = List.of("batch", "heads", "ctx", "d_k");
        List<String> gridAxes = List.of("batch", "heads", "ctx (query)", "ctx (key)");
        stages.add(stage("q_heads", "Q split into heads (K and V alike)", perHead, headAxes, null,
                "each token's row of Q cut into " + heads + " blocks of d_k = " + dk + " (a reshape to " + brackets(List.of(batch, ctx, heads, dk))
                        + "), then the ctx and heads axes swapped (a transpose), so each head holds a ctx × d_k matrix; no number changes"));
        stages.add(stage("k_t", "Kᵀ (per head)", keysT, List.of("batch", "heads", "d_k", "ctx"), null,
                "each head's keys with their last two axes swapped"));
        stages.add(stage("scores", "S = Q·Kᵀ (per head)", grid, gridAxes, product(perHead, keysT),
                "one score for every pair of tokens, in every head of every sequence"));
        stages.add(stage("weights", "A = softmax(S/√d_k + M)", grid, gridAxes, null,
                "scaled, masked and normalised row by row: the shape does not change"));
        stages.add(stage("head_output", "O = A·V (per head)", perHead, headAxes, product(grid, perHead),
                "each token's weighted sum of the values, in every head"));
        stages.add(stage("concat", "concat(O⁽¹⁾ … O⁽ʰ⁾)", x, List.of("batch", "ctx", "h·d_k"), null,
                "the heads side by side again: " + heads + " × " + dk + " = " + dModel + " columns"));
        stages.add(stage("output", "output = concat·W_O", x, List.of("batch", "ctx", "d_model"), product(x, w),
                "the output projection mixes the heads; the output has the input's shape"));
        return new ShapeChain(batch, ctx, dModel, heads, dk, true, null, List.copyOf(stages));
    }

    private static Stage stage(String key, String name, List<Integer> shape, List<String> axes, Product product, String note) {
        long count = 1;
        for (int size : shape) {
            count = Math.multiplyExact(count, size);
        }
        return new Stage(key, name, shape, axes, count, product, note);
    }

    /** [.., A, B]·[.., B, C]: the leading axes of a batched product ride along. */
    private static Product product(List<Integer> left, List<Integer> right) {
        int inner = left.get(left.size() - 1);
        List<Integer> result = new ArrayList<>(left.subList(0, left.size() - 1));
        result.add(right.get(right.size() - 1));
        return new Product(left, right, inner, brackets(left) + "·" + brackets(right) + " = " + brackets(result));
    }

    /** "1 sequence", "4 sequences" */
    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    static String brackets(List<Integer> shape) {
        return shape.toString();
    }

    private static String problem(int dModel, int heads) {
        String share = new BigDecimal(dModel).divide(new BigDecimal(heads), new MathContext(6)).stripTrailingZeros().toPlainString();
        List<String> divisors = new ArrayList<>();
        for (int d = 1; d <= Math.min(dModel, MAX_HEADS); d++) {
            if (dModel % d == 0) {
                divisors.add(Integer.toString(d));
            }
        }
        return heads + " heads cannot split d_model = " + dModel + " into equal blocks: " + dModel + " / " + heads + " = "
                + share + ", and a head's width d_k must be a whole number of columns. Head counts that divide "
                + dModel + ": " + String.join(", ", divisors) + ".";
    }

    private static void check(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new MatrixJson.Invalid("\"" + field + "\" must be from 1 to " + max + ", not " + value);
        }
    }
}
