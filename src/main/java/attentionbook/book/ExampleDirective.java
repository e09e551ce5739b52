package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ```example}: a worked example whose matrices the attention core computes while the book
 * loads. The body is JSON: the inputs (or a {@link Presets preset}), and which steps to show.
 *
 * <pre>
 * ```example
 * {"preset": "journey", "causal": true, "show": ["scores", "weights"], "digits": 3}
 * ```
 * </pre>
 *
 * <p>{@code "transpose": true} shows every matrix transposed, the way a text that writes tokens as
 * columns prints it (the names get a ᵀ, rows and columns swap), so a chapter can set the two
 * conventions side by side with the same numbers.
 */
public final class ExampleDirective implements Directive {
    static final Set<String> KEYS = Set.of("preset", "tokens", "x", "wq", "wk", "wv", "wo", "heads", "causal", "scale",
            "show", "head", "digits", "transpose", "caption", "kv_heads", "window", "rope");
    private static final List<String> STEPS = List.of("x", "wq", "wk", "wv", "wo", "q", "k", "v", "scores", "scaled",
            "masked", "weights", "head_output", "concat", "output");

    /** What book/example.jte prints: the matrices stage by stage, and the caption (HTML from the book's markdown) or null. */
    public record View(List<Group> groups, String caption) {
    }

    /** The matrices of one stage, in one row that wraps as a unit. */
    public record Group(String key, String label, List<MatrixTable.View> tables) {
    }

    @Override
    public String render(Block block) {
        JsonNode body = parse(block.body());
        try {
            MatrixJson.onlyKnownKeys(body, KEYS, "an example");
            AttentionInputs in = AttentionInputs.from(body);
            AttentionTrace trace = Attention.run(in.x(), in.spec());
            int digits = MatrixJson.integer(body.get("digits"), "digits", 2);
            if (digits < 0 || digits > 6) {
                throw new DirectiveException("\"digits\" must be from 0 to 6, not " + digits);
            }
            List<Integer> heads = headsToShow(body, in.spec().heads());
            boolean transpose = MatrixJson.bool(body.get("transpose"), "transpose", false);
            Map<String, List<MatrixTable.Spec>> shown = new LinkedHashMap<>();
            Map<String, Double> ranges = new HashMap<>();
            for (String step : stepsToShow(body)) {
                List<MatrixTable.Spec> tables = tables(step, in, trace, heads, digits);
                shown.put(step, tables);
                for (MatrixTable.Spec table : tables) {
                    ranges.merge(kind(step), MatrixTable.largestMagnitude(table.values()), Math::max);
                }
            }
            List<Group> groups = new ArrayList<>();
            for (Map.Entry<String, List<MatrixTable.Spec>> step : shown.entrySet()) {
                Stage stage = Stage.of(step.getKey());
                if (groups.isEmpty() || !groups.get(groups.size() - 1).key().equals(stage.key)) {
                    groups.add(new Group(stage.key, stage.label, new ArrayList<>()));
                }
                double range = ranges.get(kind(step.getKey()));
                for (MatrixTable.Spec table : step.getValue()) {
                    MatrixTable.Spec shared = new MatrixTable.Spec(table.name(), table.key(), table.values(), table.rowLabels(),
                            table.colLabels(), table.scale(), table.digits(), range);
                    groups.get(groups.size() - 1).tables().add(MatrixTable.view(transpose ? transposed(shared) : shared));
                }
            }
            String caption = body.hasNonNull("caption") ? block.markdown().toHtml(body.get("caption").asText()) : null;
            String figure = Templates.render("book/example.jte", new View(groups, caption));
            return ExampleTabs.html(figure, ExampleCode.of(in, new ExampleCode.Shown(List.copyOf(shown.keySet()), heads, digits, transpose)));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new DirectiveException(e.getMessage());
        }
    }

    /**
     * The steps of the computation an example's matrices belong to. The matrices of one stage sit in
     * one row that starts a new line and wraps as a unit: X, then W_Q W_K W_V, then Q K V, and so on.
     */
    private enum Stage {
        INPUTS("inputs", "Inputs"),
        PARAMETERS("parameters", "Projection matrices"),
        PROJECTIONS("projections", "Queries, keys and values"),
        SCORES("scores", "Scores"),
        WEIGHTS("weights", "Weights"),
        OUTPUTS("outputs", "Outputs");

        final String key;
        final String label;

        Stage(String key, String label) {
            this.key = key;
            this.label = label;
        }

        static Stage of(String step) {
            return switch (step) {
                case "x" -> INPUTS;
                case "wq", "wk", "wv" -> PARAMETERS;
                case "q", "k", "v" -> PROJECTIONS;
                case "scores", "scaled", "masked" -> SCORES;
                case "weights" -> WEIGHTS;
                default -> OUTPUTS; // head_output, concat, wo (it multiplies the concatenation), output
            };
        }
    }

    public static JsonNode parse(String body) {
        try {
            JsonNode node = Mappers.JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new DirectiveException("the block is empty: it needs a JSON object such as {\"preset\": \"journey\"}", 1);
            }
            return node;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new DirectiveException("not valid JSON: " + e.getOriginalMessage(), line);
        }
    }

    static List<String> stepsToShow(JsonNode body) {
        JsonNode show = body.get("show");
        if (show == null || !show.isArray() || show.isEmpty()) {
            throw new DirectiveException("\"show\" must list the steps to show, from: " + String.join(", ", STEPS));
        }
        List<String> steps = new ArrayList<>();
        for (JsonNode s : show) {
            if (!STEPS.contains(s.asText())) {
                throw new DirectiveException("unknown step \"" + s.asText() + "\" in \"show\"; the steps are: " + String.join(", ", STEPS));
            }
            steps.add(s.asText());
        }
        return steps;
    }

    static List<Integer> headsToShow(JsonNode body, int heads) {
        if (!body.hasNonNull("head")) {
            List<Integer> all = new ArrayList<>();
            for (int h = 0; h < heads; h++) {
                all.add(h);
            }
            return all;
        }
        int head = MatrixJson.integer(body.get("head"), "head", 1);
        if (head < 1 || head > heads) {
            throw new DirectiveException("\"head\" counts from 1 to " + heads + ", not " + head);
        }
        return List.of(head - 1);
    }

    private static List<MatrixTable.Spec> tables(String step, AttentionInputs in, AttentionTrace trace, List<Integer> heads, int digits) {
        AttentionSpec spec = in.spec();
        List<String> tokens = in.tokens();
        List<MatrixTable.Spec> out = new ArrayList<>();
        boolean many = spec.heads() > 1;
        switch (step) {
            case "x" -> out.add(table("X", "x", in.x(), tokens, dims(in.x().cols()), MatrixTable.Scale.SIGNED, digits));
            case "wq" -> out.add(weights("Wq", "wq", spec.wq(), digits));
            case "wk" -> out.add(weights("Wk", "wk", spec.wk(), digits));
            case "wv" -> out.add(weights("Wv", "wv", spec.wv(), digits));
            case "wo" -> {
                if (spec.wo() == null) {
                    throw new DirectiveException("\"show\" asks for wo, but the example has no \"wo\"");
                }
                out.add(weights("Wo", "wo", spec.wo(), digits));
            }
            case "q" -> out.add(table("Q = X·Wq", "q", trace.q(), tokens, dims(trace.q().cols()), MatrixTable.Scale.SIGNED, digits));
            case "k" -> out.add(table("K = X·Wk", "k", trace.k(), tokens, dims(trace.k().cols()), MatrixTable.Scale.SIGNED, digits));
            case "v" -> out.add(table("V = X·Wv", "v", trace.v(), tokens, dims(trace.v().cols()), MatrixTable.Scale.SIGNED, digits));
            case "concat" -> out.add(table("concat(heads)", "concat", trace.concat(), tokens, dims(trace.concat().cols()), MatrixTable.Scale.SIGNED, digits));
            case "output" -> out.add(table(spec.wo() == null ? "output = A·V" : "output = concat·Wo", "output", trace.output(), tokens,
                    dims(trace.output().cols()), MatrixTable.Scale.SIGNED, digits));
            default -> {
                for (int h : heads) {
                    HeadTrace head = trace.heads().get(h);
                    String suffix = many ? " (head " + (h + 1) + ")" : "";
                    String key = step + (many ? "-h" + (h + 1) : "");
                    switch (step) {
                        case "scores" -> out.add(table("scores Q·Kᵀ" + suffix, key, head.scores(), tokens, tokens, MatrixTable.Scale.SIGNED, digits));
                        case "scaled" -> out.add(table((spec.scale() ? "scaled Q·Kᵀ / √" + spec.headWidth() : "unscaled Q·Kᵀ") + suffix, key,
                                head.scaled(), tokens, tokens, MatrixTable.Scale.SIGNED, digits));
                        case "masked" -> out.add(table((spec.causal() ? "masked scores" : "scores (no mask)") + suffix, key, head.masked(),
                                tokens, tokens, MatrixTable.Scale.SIGNED, digits));
                        case "weights" -> out.add(table("weights A" + suffix, key, head.weights(), tokens, tokens, MatrixTable.Scale.WEIGHTS, digits));
                        default -> out.add(table("A·V" + suffix, key, head.output(), tokens, dims(head.output().cols()), MatrixTable.Scale.SIGNED, digits));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Matrices of one kind of quantity share a colour scale, so one value has one colour side by side:
     * the inputs and weights, the vectors made from them (Q, K, V, the outputs), the scores. The
     * weights keep their own 0-to-1 scale.
     */
    static String kind(String step) {
        return switch (step) {
            case "x", "wq", "wk", "wv", "wo" -> "inputs";
            case "scores", "scaled", "masked" -> "scores";
            case "weights" -> "weights";
            default -> "vectors";
        };
    }

    /** The table as a column-vector text prints it: values transposed, labels swapped, the name with a ᵀ. */
    static MatrixTable.Spec transposed(MatrixTable.Spec t) {
        double[][] v = t.values();
        double[][] out = new double[v.length == 0 ? 0 : v[0].length][v.length];
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) {
                out[c][r] = v[r][c];
            }
        }
        return new MatrixTable.Spec("(" + t.name() + ")ᵀ", t.key() + "-t", out, t.colLabels(), t.rowLabels(), t.scale(), t.digits(),
                t.range());
    }

    private static MatrixTable.Spec table(String name, String key, Matrix m, List<String> rows, List<String> cols,
                                          MatrixTable.Scale scale, int digits) {
        return new MatrixTable.Spec(name, key, m.toArray(), rows, cols, scale, digits);
    }

    private static MatrixTable.Spec weights(String name, String key, Matrix m, int digits) {
        return table(name, key, m, dims(m.rows()), dims(m.cols()), MatrixTable.Scale.SIGNED, digits);
    }

    static List<String> dims(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            labels.add(String.format(Locale.ROOT, "%d", i));
        }
        return labels;
    }
}
