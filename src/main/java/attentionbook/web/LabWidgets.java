package attentionbook.web;

import attentionbook.model.Inspection;
import attentionbook.model.RunConfig;
import attentionbook.model.TinyGpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run's heads as states for the book's pipeline and multi-head widgets (the JSON a chapter's
 * URL fragment carries), on the task's probe sequence, so a reader can step through a learned head, or a
 * whole layer's heads, with the same widgets the chapters use on hand-set weights.
 *
 * <p>The widgets show at most {@link #TOKEN_LIMIT} tokens: the state holds the probe's first 12 tokens; with
 * the causal mask, their attention is exactly that of the whole probe's first 12 rows (no row sees a later
 * token, in any layer). Columns could not be cut that way (every score sums over all of d_model), so the
 * widgets and the attention API take matrices as wide as the lab's widest model (d_model 64): every run opens.
 *
 * <p>A state is one head h of one layer: X (the normalised stream the attention reads), the columns
 * h·d_k … (h+1)·d_k − 1 of W_Q, W_K and W_V and the same rows of W_O, so its weights are head h's and its
 * output is head h's share of the layer's output. A multi-head state is one whole layer: X, the whole
 * W_Q, W_K, W_V and W_O and the run's number of heads, so its output is the layer's attention output.
 */
final class LabWidgets {
    /** The book's widgets stop at this many tokens (book.AttentionWidgetState.MAX_SIZE). */
    static final int TOKEN_LIMIT = 12;
    static final String PIPELINE_PAGE = "/chapters/why-attention";
    static final String MULTI_HEAD_PAGE = "/chapters/multi-head-attention";
    static final String DECODE_PAGE = "/chapters/kv-cache";
    private static final int WEIGHTS_STEP = 6;           // the pipeline's "Normalise" step, where the weights show

    record Answer(int tokens, @com.fasterxml.jackson.annotation.JsonProperty("probe_tokens") int probeTokens,
                  String pipelinePage, String multiHeadPage, String decodePage, List<Layer> layers) {
    }

    /** @param decode the layer decoding the probe token by token with its KV cache, at the last token */
    record Layer(int layer, List<Map<String, Object>> pipeline, @com.fasterxml.jackson.annotation.JsonProperty("multi_head")
                 Map<String, Object> multiHead, Map<String, Object> decode) {
    }

    static Answer of(RunConfig config, TinyGpt model) {
        int[] probe = config.task().probe(config.length()).input();
        int d = config.dModel();
        int[] shown = Arrays.copyOf(probe, Math.min(probe.length, TOKEN_LIMIT));
        Inspection inspection;
        synchronized (model) {
            inspection = model.inspect(shown);
        }
        List<String> tokens = LabJson.texts(config.task(), shown);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            double[][] x = inspection.layers().get(l).attentionInput();
            String prefix = "layers." + l + ".attn.";
            double[][] wq = model.parameter(prefix + "wq").rows();
            double[][] wk = model.parameter(prefix + "wk").rows();
            double[][] wv = model.parameter(prefix + "wv").rows();
            double[][] wo = model.parameter(prefix + "wo").rows();
            List<Map<String, Object>> pipeline = new ArrayList<>();
            int dk = d / config.heads();
            for (int h = 0; h < config.heads(); h++) {
                Map<String, Object> head = state(tokens, x, columns(wq, h * dk, dk), columns(wk, h * dk, dk),
                        columns(wv, h * dk, dk), Arrays.copyOfRange(wo, h * dk, (h + 1) * dk));
                head.put("step", WEIGHTS_STEP);
                pipeline.add(head);
            }
            Map<String, Object> multiHead = state(tokens, x, wq, wk, wv, wo);
            multiHead.put("heads", config.heads());
            layers.add(new Layer(l, pipeline, multiHead, decode(tokens, x, wq, wk, wv, wo, config.heads())));
        }
        return new Answer(shown.length, probe.length, PIPELINE_PAGE, MULTI_HEAD_PAGE, DECODE_PAGE, layers);
    }

    /** The keys the pipeline and multi-head widgets' states share, in the order the book writes them. */
    private static Map<String, Object> state(List<String> tokens, double[][] x, double[][] wq, double[][] wk,
                                             double[][] wv, double[][] wo) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("preset", null);
        state.put("tokens", tokens);
        state.put("x", x);
        state.put("wq", wq);
        state.put("wk", wk);
        state.put("wv", wv);
        state.put("wo", wo);
        state.put("causal", true);
        state.put("scale", true);
        return state;
    }

    /**
     * The decode widget's state for a whole layer: its keys are the widget's normalised ones (a link's state
     * must have exactly the chapter's), decoding is causal by nature, and the step is the probe's last token.
     */
    private static Map<String, Object> decode(List<String> tokens, double[][] x, double[][] wq, double[][] wk,
                                              double[][] wv, double[][] wo, int heads) {
        Map<String, Object> state = state(tokens, x, wq, wk, wv, wo);
        state.remove("causal");
        state.put("heads", heads);
        state.put("kv_heads", heads);
        state.put("window", 0);
        state.put("rope", false);
        state.put("step", tokens.size());
        state.put("cache", true);
        state.put("model", "this-layer");
        state.put("dtype", "float32");
        return state;
    }

    private static double[][] columns(double[][] matrix, int from, int count) {
        double[][] part = new double[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            part[r] = Arrays.copyOfRange(matrix[r], from, from + count);
        }
        return part;
    }
}
