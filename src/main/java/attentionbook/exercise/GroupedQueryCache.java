package attentionbook.exercise;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Costs;
import attentionbook.attention.Matrix;

import java.util.ArrayList;
import java.util.List;

/** Grouped-query attention: which key/value head a query head reads, and the bytes of the smaller cache. */
final class GroupedQueryCache extends AbstractExerciseKind {

    GroupedQueryCache() {
        super("gqa-cache", "Grouped-query heads and their cache", "Attention in today's models");
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("shared-queries", "interleaved-groups", "cached-queries", "forgot-layers");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int layers;
        int heads;
        int kvHeads;
        int headDim;
        int tokens;
        int bytes;
        int head;
        do {    // the factor 2 (keys and values) is a size too; the interleaved guess must differ from the right group
            layers = draw.between(3, 6);
            heads = draw.pick(List.of(8, 12, 16));
            kvHeads = draw.pick(List.of(2, 4));
            headDim = draw.pick(List.of(16, 32, 64));
            tokens = draw.pick(List.of(10, 20, 100));
            bytes = draw.pick(List.of(1, 4));
            head = draw.between(2, heads);
        } while (!Draw.distinct(layers, heads, kvHeads, headDim, tokens, bytes, 2)
                || group(head, heads, kvHeads) == (head - 1) % kvHeads + 1);
        int right = group(head, heads, kvHeads);
        long cache = Costs.kvCacheBytes(layers, 1, tokens, kvHeads, headDim, bytes);

        List<String> prompt = List.of(
                "A decoder has " + layers + " layers, each with $h = " + heads + "$ query heads and $h_\\text{kv} = " + kvHeads
                        + "$ key/value heads (grouped-query attention), every head of width $d_k = " + headDim + "$. It stores each number in "
                        + (bytes == 1 ? "1 byte" : bytes + " bytes") + " and generates one sequence.",
                "Counting heads from 1: which key/value head does query head " + head + " read? And how many bytes does its KV cache"
                        + " hold after " + tokens + " tokens?");
        AnswerForm form = new AnswerForm("the key/value head and the cache", 1, 2, List.of("answer"),
                List.of("key/value head of query head " + head, "bytes in the cache"), Rounding.exact(0), false);

        int perGroup = heads / kvHeads;
        String grouping = "The " + heads + " query heads are shared out in consecutive groups of $h / h_\\text{kv} = " + heads + " / "
                + kvHeads + " = " + perGroup + "$: heads 1–" + perGroup + " read key/value head 1, heads " + (perGroup + 1) + "–"
                + 2 * perGroup + " read key/value head 2, and so on. Query head " + head + " is in group " + right + ".";
        String count = "The cache holds a key and a value (2) per layer, token and key/value head: 2 × " + layers + " × " + tokens
                + " × " + kvHeads + " × " + headDim + " × " + bytes + " = " + Numbers.count(cache) + " bytes.";
        List<WorkStep> hints = List.of(
                WorkStep.of("Query head $n$ (from 0) reads key/value head $\\lfloor n \\cdot h_\\text{kv} / h \\rfloor$ (from 0): the query"
                        + " heads are cut into $h_\\text{kv}$ runs of consecutive heads, not dealt out in turn."),
                WorkStep.of("Only keys and values are cached, and only for the $h_\\text{kv}$ key/value heads: multiply 2 × layers ×"
                        + " tokens × $h_\\text{kv}$ × $d_k$ × bytes per number."));
        List<WorkStep> solution = List.of(WorkStep.of(grouping), WorkStep.of(count));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("shared-queries", "You counted a cache for all " + heads + " heads, as if the queries were shared and"
                + " every head kept its own keys and values. Grouped-query attention shares the keys and values: only the $h_\\text{kv}$ = "
                + kvHeads + " key/value heads are cached.",
                answer(right, Costs.kvCacheBytes(layers, 1, tokens, heads, headDim, bytes))));
        mistakes.add(new Mistake("interleaved-groups", "You dealt the query heads out in turn (head " + head + " to key/value head"
                + " $(" + head + " - 1) \\bmod " + kvHeads + " + 1$). The groups are runs of consecutive heads: $\\lfloor n \\cdot h_\\text{kv}"
                + " / h \\rfloor$ counting from 0.", answer((head - 1) % kvHeads + 1, cache)));
        mistakes.add(new Mistake("cached-queries", "You cached the queries of all " + heads + " heads too. A new token needs only its own"
                + " query; past queries are never read again.", answer(right,
                cache + Costs.kvCacheBytes(layers, 1, tokens, heads, headDim, bytes) / 2)));
        mistakes.add(new Mistake("forgot-layers", "You counted one layer. Every layer keeps its own keys and values.",
                answer(right, Costs.kvCacheBytes(1, 1, tokens, kvHeads, headDim, bytes))));
        mistakes.add(new Mistake("only-keys", "You counted only the keys (or only the values). The cache keeps both: a factor 2.",
                answer(right, cache / 2)));
        return exercise(seed, prompt, List.of(), form, answer(right, cache), hints, solution, mistakes);
    }

    /** Query head (from 1) → key/value head (from 1), as the core assigns it. */
    private static int group(int head, int heads, int kvHeads) {
        Matrix wq = Matrix.of(new double[1][heads]);
        Matrix wk = Matrix.of(new double[1][kvHeads]);
        return new AttentionSpec(wq, wk, wk, null, heads, false, true, kvHeads, 0, false).kvGroup(head - 1) + 1;
    }

    private static Matrix answer(int group, long bytes) {
        return Matrix.of(new double[][]{{group, bytes}});
    }
}
