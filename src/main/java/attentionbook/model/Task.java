package attentionbook.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The synthetic tasks, each generated here from a seed (nothing is downloaded), each chosen because the
 * attention that solves it is crisp enough to see. "length" is each task's one size:
 * <ul>
 *   <li>{@code copy}, {@code reverse}, {@code sort}: vocabulary the digits 0–9 and a separator | (11
 *   tokens). A sequence is n random digits, |, then the answer: the digits again, reversed, or sorted
 *   (so 3 1 2 | 1 2 3 for sort). The model reads the prompt and | and predicts the n answer digits, each
 *   from the tokens before it; context 2n. Measure: exact-sequence accuracy, the share of held-out
 *   sequences whose n answer digits are all right. (With the answer fed in, every position right is
 *   the same as greedy decoding writing the whole answer right.) n from 2 to 16, default 8.</li>
 *   <li>{@code previous-token}: vocabulary the digits 0–9; T random digits, and at each position after
 *   the first the model names the token before it. Measure: token accuracy over positions 2 … T.
 *   T from 2 to 32, default 16.</li>
 *   <li>{@code induction}: vocabulary 16 letters a–p. T + 1 tokens: random filler, then a segment of L
 *   distinct letters, then the segment again, with L drawn anew for each sequence from 3 to min((T+1)/2, 15), so
 *   one mechanism must serve every length (the filler never uses the segment's letters, so the
 *   repeat is never ambiguous). The model reads the first T. Measure: token accuracy on the repeated
 *   half, over its tokens 2 … L (its first token cannot be foreseen). T from 8 to 32, default 16.</li>
 * </ul>
 */
public enum Task {

    COPY("copy", 2, 16, 8),
    REVERSE("reverse", 2, 16, 8),
    SORT("sort", 2, 16, 8),
    PREVIOUS_TOKEN("previous-token", 2, 32, 16),
    INDUCTION("induction", 8, 32, 16);

    /** The separator of copy, reverse and sort: the token after the digits 0–9. */
    public static final int SEPARATOR = 10;
    private static final int DIGITS = 10;
    private static final int LETTERS = 16;
    private static final int SHORTEST_SEGMENT = 3;
    private static final long PROBE_SEED = 20241203L;

    private final String key;
    private final int minLength;
    private final int maxLength;
    private final int defaultLength;

    Task(String key, int minLength, int maxLength, int defaultLength) {
        this.key = key;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.defaultLength = defaultLength;
    }

    /** The task's name in configs and addresses: "copy", "previous-token", … */
    public String key() {
        return key;
    }

    /** The task with this key; IllegalArgumentException listing the keys when there is none. */
    public static Task fromKey(String key) {
        for (Task task : values()) {
            if (task.key.equals(key)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task \"" + key + "\": use one of copy, reverse, sort,"
                + " previous-token, induction");
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public int defaultLength() {
        return defaultLength;
    }

    /** Whether a sequence counts only when every scored token is right (copy, reverse, sort). */
    public boolean exactSequence() {
        return this == COPY || this == REVERSE || this == SORT;
    }

    /** How many tokens the vocabulary holds. */
    public int vocabulary() {
        switch (this) {
            case PREVIOUS_TOKEN: return DIGITS;
            case INDUCTION: return LETTERS;
            default: return DIGITS + 1;
        }
    }

    /** The tokens the model reads for this length: 2n for copy, reverse and sort, T for the others. */
    public int context(int length) {
        return exactSequence() ? 2 * length : length;
    }

    /** How a token is written: a digit, "|" for the separator, or a letter a–p for induction. */
    public String tokenText(int token) {
        if (this == INDUCTION) {
            return String.valueOf((char) ('a' + token));
        }
        return token == SEPARATOR ? "|" : String.valueOf(token);
    }

    /**
     * How many different sequences the task can generate at this length, or for induction a lower bound
     * (the sequences with the shortest segment): 10ⁿ for copy, reverse and sort, 10ᵀ for previous-token.
     */
    public double distinctSequences(int length) {
        if (this == INDUCTION) {
            return 16.0 * 15 * 14 * Math.pow(LETTERS - SHORTEST_SEGMENT, length + 1 - 2 * SHORTEST_SEGMENT);
        }
        return Math.pow(DIGITS, length);
    }

    /** The fixed sequence whose attention the trainer reports, the same for every run of a length. */
    public Example probe(int length) {
        return generate(length, new SplittableRandom(PROBE_SEED));
    }

    /** One random example of the given length (see the class comment), drawn from random. */
    public Example generate(int length, SplittableRandom random) {
        if (length < minLength || length > maxLength) {
            throw new IllegalArgumentException("length " + length + " is outside " + minLength + "–" + maxLength
                    + " for the " + key + " task");
        }
        switch (this) {
            case PREVIOUS_TOKEN: return previousToken(length, random);
            case INDUCTION: return induction(length, random);
            default: return promptAndAnswer(length, random);
        }
    }

    /** x₁ … xₙ | y₁ … yₙ, read up to yₙ₋₁; the targets are y₁ … yₙ, at | and after it. */
    private Example promptAndAnswer(int n, SplittableRandom random) {
        int[] prompt = new int[n];
        for (int i = 0; i < n; i++) {
            prompt[i] = random.nextInt(DIGITS);
        }
        int[] answer = answer(prompt);
        int[] stream = new int[2 * n + 1];
        System.arraycopy(prompt, 0, stream, 0, n);
        stream[n] = SEPARATOR;
        System.arraycopy(answer, 0, stream, n + 1, n);
        int[] target = new int[2 * n];
        Arrays.fill(target, Example.IGNORED);
        for (int t = n; t < 2 * n; t++) {
            target[t] = stream[t + 1];                     // at | predict y₁, at yᵢ predict yᵢ₊₁
        }
        return new Example(Arrays.copyOf(stream, 2 * n), target);
    }

    private int[] answer(int[] prompt) {
        int n = prompt.length;
        int[] answer = prompt.clone();
        if (this == REVERSE) {
            for (int i = 0; i < n; i++) {
                answer[i] = prompt[n - 1 - i];
            }
        } else if (this == SORT) {
            Arrays.sort(answer);
        }
        return answer;
    }

    /** T random digits; the target at position t ≥ 1 is the token at t − 1. */
    private static Example previousToken(int tokens, SplittableRandom random) {
        int[] input = new int[tokens];
        int[] target = new int[tokens];
        for (int t = 0; t < tokens; t++) {
            input[t] = random.nextInt(DIGITS);
            target[t] = t == 0 ? Example.IGNORED : input[t - 1];
        }
        return new Example(input, target);
    }

    /** filler, A, A with |A| = L distinct letters and filler free of A's letters; T + 1 tokens, read T. */
    private static Example induction(int tokens, SplittableRandom random) {
        int longest = Math.min((tokens + 1) / 2, LETTERS - 1);       // at most 15: a letter is left for filler
        int segment = SHORTEST_SEGMENT + random.nextInt(longest - SHORTEST_SEGMENT + 1);
        int filler = tokens + 1 - 2 * segment;
        int[] letters = new int[LETTERS];
        for (int i = 0; i < LETTERS; i++) {
            letters[i] = i;
        }
        for (int i = 0; i < segment; i++) {                // a partial Fisher–Yates shuffle: A = letters[0 … L−1]
            int j = i + random.nextInt(LETTERS - i);
            int swap = letters[i];
            letters[i] = letters[j];
            letters[j] = swap;
        }
        int[] stream = new int[tokens + 1];
        for (int t = 0; t < filler; t++) {
            stream[t] = letters[segment + random.nextInt(LETTERS - segment)]; // a letter not in A
        }
        for (int i = 0; i < segment; i++) {
            stream[filler + i] = letters[i];
            stream[filler + segment + i] = letters[i];
        }
        int[] target = new int[tokens];
        Arrays.fill(target, Example.IGNORED);
        for (int t = filler + segment; t <= filler + 2 * segment - 2; t++) {
            target[t] = stream[t + 1];                     // inside the repeat: the letter after this one in A
        }
        return new Example(Arrays.copyOf(stream, tokens), target);
    }
}
