package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Costs;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kv-heads widget's layer: the inputs hold a multi-head layer (W_K and W_V with one block of columns
 * per query head); with g key/value heads the layer keeps the first g blocks, and query head i reads
 * block ⌊i·g/h⌋. Also the KV cache that g heads need, for the example and for a model of today's size.
 */
record KvHeadsLayer(AttentionInputs in, int kvHeads) {

    /** A 7B-class model: 32 layers of 32 query heads of width 128, 4,096 tokens cached, 2 bytes (16 bits) a number. */
    static final int MODEL_LAYERS = 32;
    static final int MODEL_HEADS = 32;
    static final int MODEL_HEAD_WIDTH = 128;
    static final int MODEL_TOKENS = 4096;
    static final int MODEL_BYTES = 2;

    /** The layer the core runs: W_K and W_V cut to g·d_k columns, kv_heads g, the inputs' window and rope kept. */
    AttentionSpec spec() {
        AttentionSpec full = in.spec();
        int dk = full.headWidth();
        return new AttentionSpec(full.wq(), full.wk().columns(0, kvHeads * dk), full.wv().columns(0, kvHeads * dk), null,
                full.heads(), full.causal(), true, kvHeads, full.window(), full.rope());
    }

    AttentionTrace trace() {
        return Attention.run(in.x(), spec());
    }

    /** The key/value head counts a reader may pick: the divisors of h. */
    static List<Integer> choices(int heads) {
        List<Integer> out = new ArrayList<>();
        for (int g = 1; g <= heads; g++) {
            if (heads % g == 0) {
                out.add(g);
            }
        }
        return out;
    }

    /** What g key/value heads cache, in numbers for the example and in bytes for the model, beside h of them. */
    ObjectNode cache() {
        int heads = in.spec().heads();
        int dk = in.spec().headWidth();
        int tokens = in.x().rows();
        long grouped = Costs.kvCacheValues(1, 1, tokens, kvHeads, dk);
        long multiHead = Costs.kvCacheValues(1, 1, tokens, heads, dk);
        ObjectNode out = WidgetJson.object();
        out.put("example", grouped);
        out.put("example_multi_head", multiHead);
        String example = "This layer caches K and V for its " + tokens + " tokens: 2 × " + tokens + " tokens × " + kvHeads
                + (kvHeads == 1 ? " key/value head" : " key/value heads") + " × d_k " + dk + " = " + grouped + " numbers";
        example += kvHeads == heads ? ", as plain multi-head attention does." : ", where " + heads + " heads of their own would cache "
                + multiHead + ": " + heads / kvHeads + " times fewer (h / h_kv = " + heads + " / " + kvHeads + ").";
        out.put("text", example);
        if (MODEL_HEADS % (heads / kvHeads) == 0) {
            int modelKv = MODEL_HEADS / (heads / kvHeads);
            long bytes = Costs.kvCacheBytes(MODEL_LAYERS, 1, MODEL_TOKENS, modelKv, MODEL_HEAD_WIDTH, MODEL_BYTES);
            long full = Costs.kvCacheBytes(MODEL_LAYERS, 1, MODEL_TOKENS, MODEL_HEADS, MODEL_HEAD_WIDTH, MODEL_BYTES);
            out.put("model_text", "At the same ratio, a model of " + MODEL_LAYERS + " layers with " + MODEL_HEADS
                    + " query heads of d_k " + MODEL_HEAD_WIDTH + " keeps " + modelKv + " key/value heads a layer, and its cache for "
                    + String.format(Locale.ROOT, "%,d", MODEL_TOKENS) + " tokens of 16-bit numbers is " + mebibytes(bytes)
                    + (modelKv == MODEL_HEADS ? "." : " instead of " + mebibytes(full) + "."));
        }
        return out;
    }

    /** "2,048 MiB": bytes in whole mebibytes (every figure here is a whole number of them). */
    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    /** kv_group of each query head, 0-based, as the core assigns it. */
    List<Integer> groups() {
        AttentionSpec spec = spec();
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < spec.heads(); h++) {
            out.add(spec.kvGroup(h));
        }
        return out;
    }

    /** The mapping drawn as a matrix: row i (query head) has 1 in the column of the key/value head it reads. */
    static Matrix mapping(List<Integer> groups, int kvHeads) {
        double[][] cells = new double[groups.size()][kvHeads];
        for (int h = 0; h < groups.size(); h++) {
            cells[h][groups.get(h)] = 1;
        }
        return Matrix.of(cells);
    }
}
