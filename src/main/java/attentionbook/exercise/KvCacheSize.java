package attentionbook.exercise;

import attentionbook.attention.Costs;

import java.util.ArrayList;
import java.util.List;

/** The KV cache: how many bytes the cached keys and values of a small decoder take. */
final class KvCacheSize extends AbstractExerciseKind {

    KvCacheSize() {
        super("kv-cache", "The size of a KV cache", "The KV cache");
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("only-keys", "cached-queries", "forgot-layers");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int layers;
        int batch;
        int tokens;
        int heads;
        int headDim;
        int bytes;
        do {    // the cache's factor 2 (keys and values) is a size too: no other may be 2
            layers = draw.between(3, 6);
            batch = draw.pick(List.of(1, 3));
            tokens = draw.pick(List.of(8, 10, 12, 16, 20));
            heads = draw.pick(List.of(1, 4, 8));
            headDim = draw.pick(List.of(4, 8, 16));
            bytes = draw.pick(List.of(1, 4));
        } while (!Draw.distinct(layers, batch, tokens, heads, headDim, bytes, 2));
        long values = Costs.kvCacheValues(layers, batch, tokens, heads, headDim);
        long total = Costs.kvCacheBytes(layers, batch, tokens, heads, headDim, bytes);

        List<String> prompt = List.of(
                "A small decoder has " + layers + " layers, each with " + heads + (heads == 1 ? " key/value head" : " key/value heads")
                        + " of width " + headDim + ". It stores every number in " + (bytes == 1 ? "1 byte" : bytes + " bytes") + " and generates "
                        + (batch == 1 ? "one sequence" : batch + " sequences at once") + ".",
                "How many bytes does its KV cache hold after " + tokens + " tokens?");
        AnswerForm form = new AnswerForm("bytes in the cache", 1, 1, List.of("bytes"), List.of("bytes"), Rounding.exact(0), false);

        String count = "The cache keeps a key and a value (2) for every layer (" + layers + "), sequence (" + batch + "), token ("
                + tokens + ") and head (" + heads + "), each " + headDim + " numbers: 2 × " + layers + " × " + batch + " × " + tokens
                + " × " + heads + " × " + headDim + " = " + Numbers.count(values) + " numbers.";
        String size = "At " + bytes + " bytes each: " + Numbers.count(values) + " × " + bytes + " = " + Numbers.count(total) + " bytes.";
        List<WorkStep> hints = List.of(
                WorkStep.of("Only keys and values are cached: a new token needs its own query, but the keys and values of every earlier token."),
                WorkStep.of("Multiply 2 (a key and a value) × layers × sequences × tokens × heads × head width for the"
                        + " numbers, then the bytes each takes: 2 × " + layers + " × " + batch + " × " + tokens + " × "
                        + heads + " × " + headDim + " × " + bytes + "."));
        List<WorkStep> solution = List.of(WorkStep.of("Count the numbers, then the bytes:", count, size));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("only-keys", "You counted one of keys and values. The cache holds both, so the count"
                + " has a factor 2.", Grids.number(total / 2.0)));
        mistakes.add(new Mistake("cached-queries", "You cached the queries too. Only the new token's query is ever"
                + " needed; past queries are never read again, so the cache holds keys and values only.",
                Grids.number(total * 1.5)));
        mistakes.add(new Mistake("forgot-layers", "You counted one layer. Every layer keeps its own keys and values.",
                Grids.number(Costs.kvCacheBytes(1, batch, tokens, heads, headDim, bytes))));
        mistakes.add(new Mistake("forgot-bytes", "You counted numbers, not bytes: each number takes " + bytes + " bytes.",
                Grids.number(values)));
        if (batch > 1) {
            mistakes.add(new Mistake("forgot-batch", "You counted one sequence. Each of the " + batch + " sequences has"
                    + " its own cache.", Grids.number(Costs.kvCacheBytes(layers, 1, tokens, heads, headDim, bytes))));
        }
        return exercise(seed, prompt, List.of(), form, Grids.number(total), hints, solution, mistakes);
    }
}
