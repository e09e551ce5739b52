package attentionbook.model;

/**
 * One training sequence: the tokens the model reads and, at each position, the token it should
 * predict there, or {@link #IGNORED} where nothing is asked (the prompt of a copy task, say).
 */
public record Example(int[] input, int[] target) {

    /** The target of a position that is not scored. */
    public static final int IGNORED = -1;

    public Example {
        if (input == null || target == null || input.length != target.length) {
            throw new IllegalArgumentException("an example needs as many targets as input tokens");
        }
        input = input.clone();
        target = target.clone();
    }

    @Override
    public int[] input() {
        return input.clone();
    }

    @Override
    public int[] target() {
        return target.clone();
    }

    /** How many positions are scored. */
    public int scoredCount() {
        int count = 0;
        for (int t : target) {
            if (t != IGNORED) {
                count++;
            }
        }
        return count;
    }

    /** Whether predictions are right at every scored position. */
    public boolean allCorrect(int[] predictions) {
        return correctCount(predictions) == scoredCount();
    }

    /** How many scored positions the predictions get right. */
    public int correctCount(int[] predictions) {
        int count = 0;
        for (int t = 0; t < target.length; t++) {
            if (target[t] != IGNORED && predictions[t] == target[t]) {
                count++;
            }
        }
        return count;
    }

    /** A text key of the input, to keep held-out sequences out of training. */
    String key() {
        return java.util.Arrays.toString(input);
    }
}
