package attentionbook.book;

import java.util.List;
import java.util.Map;

/**
 * Named inputs a chapter can start from instead of typing matrices: the same few examples recur
 * through the book so a learner meets familiar numbers.
 */
public final class Presets {

    /** Tokens, their embeddings X and the three projections. */
    public record Preset(List<String> tokens, double[][] x, double[][] wq, double[][] wk, double[][] wv) {
    }

    private static final double[][] I3 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    /**
     * journey: six 3-dimensional embeddings of "Your journey starts with one step" with identity
     * projections (Q = K = V = X), the smallest example where every step can be followed by eye.
     * hand4: two 4-dimensional tokens with small integer projections to width 2, for pen and paper.
     */
    private static final Map<String, Preset> PRESETS = Map.of(
            "journey", new Preset(List.of("Your", "journey", "starts", "with", "one", "step"),
                    new double[][]{{0.43, 0.15, 0.89}, {0.55, 0.87, 0.66}, {0.57, 0.85, 0.64},
                            {0.22, 0.58, 0.33}, {0.77, 0.25, 0.10}, {0.05, 0.80, 0.55}},
                    I3, I3, I3),
            "hand4", new Preset(List.of("x₁", "x₂"),
                    new double[][]{{1, 2, 1, 0}, {1, 0, 2, 1}},
                    new double[][]{{1, 0}, {0, 1}, {1, 1}, {0, 1}},
                    new double[][]{{1, 1}, {1, 0}, {0, 1}, {1, -1}},
                    new double[][]{{0, 1}, {1, 0}, {1, 1}, {1, 0}}));

    private Presets() {
    }

    public static Preset get(String name) {
        Preset preset = PRESETS.get(name);
        if (preset == null) {
            throw new IllegalArgumentException("unknown preset \"" + name + "\" (known: " + String.join(", ", names()) + ")");
        }
        return preset;
    }

    public static List<String> names() {
        return PRESETS.keySet().stream().sorted().toList();
    }
}
