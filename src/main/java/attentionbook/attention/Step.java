package attentionbook.attention;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The named steps of attention, in the order they are computed. */
public enum Step {
    /** Q = X·Wq */
    Q("q", false),
    /** K = X·Wk */
    K("k", false),
    /** V = X·Wv */
    V("v", false),
    /** S_h = Q_h·K_hᵀ, one grid per head */
    SCORES("scores", true),
    /** S_h / √d_k (or S_h when scaling is off) */
    SCALED("scaled", true),
    /** scaled with −∞ where the causal mask hides a cell */
    MASKED("masked", true),
    /** A_h = softmax(masked), row by row */
    WEIGHTS("weights", true),
    /** O_h = A_h·V_h */
    HEAD_OUTPUT("head_output", true),
    /** the head outputs side by side */
    CONCAT("concat", false),
    /** concat·Wo, or concat when there is no Wo */
    OUTPUT("output", false);

    private final String key;
    private final boolean perHead;

    Step(String key, boolean perHead) {
        this.key = key;
        this.perHead = perHead;
    }

    /** The name used in the JSON API and in explanations, e.g. "head_output". */
    public String key() {
        return key;
    }

    /** True for the steps that exist once per head (scores … head_output). */
    public boolean perHead() {
        return perHead;
    }

    /** The step with this key; IllegalArgumentException listing the valid keys otherwise. */
    public static Step fromKey(String key) {
        for (Step step : values()) {
            if (step.key.equals(key)) {
                return step;
            }
        }
        throw new IllegalArgumentException(
                "unknown step '" + key + "': the steps are " + validKeys());
    }

    /** "q, k, v, scores, scaled, masked, weights, head_output, concat, output" */
    public static String validKeys() {
        return Arrays.stream(values()).map(Step::key).collect(Collectors.joining(", "));
    }
}
