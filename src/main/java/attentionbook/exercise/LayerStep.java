package attentionbook.exercise;

import java.util.List;
import java.util.Optional;

/**
 * The steps of a whole attention layer worked by hand, in order, each with the steps its numbers
 * are computed from. The key is the name the check API uses ("q", "scores", …).
 */
public enum LayerStep {
    Q("q", "Q = X·W_Q", false, Rounding.exact(0)),
    K("k", "K = X·W_K", false, Rounding.exact(0)),
    V("v", "V = X·W_V", false, Rounding.exact(0)),
    SCORES("scores", "scores Q·Kᵀ", true, Rounding.exact(0)),
    SCALED("scaled", "scaled scores", true, Rounding.places(2)),
    MASKED("masked", "masked scores", true, Rounding.places(2)),
    WEIGHTS("weights", "weights", true, Rounding.places(2)),
    OUTPUT("output", "output", false, Rounding.places(2));

    private final String key;
    private final String title;
    private final boolean perHead;
    private final Rounding rounding;

    LayerStep(String key, String title, boolean perHead, Rounding rounding) {
        this.key = key;
        this.title = title;
        this.perHead = perHead;
        this.rounding = rounding;
    }

    public String key() {
        return key;
    }

    /** What the grid holds, e.g. "Q = X·W_Q" or "weights". */
    public String title() {
        return title;
    }

    /** One grid a head (scores to weights), or one grid for the whole layer (Q, K, V, the output). */
    public boolean perHead() {
        return perHead;
    }

    public Rounding rounding() {
        return rounding;
    }

    /** True for the masked scores, whose hidden cells are −∞. */
    public boolean minusInfinity() {
        return this == MASKED;
    }

    /** The steps whose results this one is computed from ({@code causal} false: the weights come from the scaled scores). */
    public List<LayerStep> inputs(boolean causal) {
        return switch (this) {
            case Q, K, V -> List.of();
            case SCORES -> List.of(Q, K);
            case SCALED -> List.of(SCORES);
            case MASKED -> List.of(SCALED);
            case WEIGHTS -> List.of(causal ? MASKED : SCALED);
            case OUTPUT -> List.of(WEIGHTS, V);
        };
    }

    public static Optional<LayerStep> fromKey(String key) {
        for (LayerStep step : values()) {
            if (step.key.equals(key)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
