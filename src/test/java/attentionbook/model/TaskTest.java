package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each task's generator: the shapes, the vocabulary, and that every target is the right answer. */
class TaskTest {

    private static final int SAMPLES = 200;

    @Test
    void copyReverseAndSortReadThePromptTheSeparatorAndTheAnswerAndAreScoredOnTheAnswer() {
        for (Task task : new Task[] {Task.COPY, Task.REVERSE, Task.SORT}) {
            SplittableRandom random = new SplittableRandom(1);
            for (int s = 0; s < SAMPLES; s++) {
                int n = 2 + s % 15;
                Example example = task.generate(n, random);
                int[] input = example.input();
                int[] target = example.target();
                assertEquals(2 * n, input.length, task.key());
                assertEquals(2 * n, task.context(n));
                assertEquals(Task.SEPARATOR, input[n], task.key() + ": the separator follows the prompt");
                int[] prompt = Arrays.copyOf(input, n);
                for (int digit : prompt) {
                    assertTrue(digit >= 0 && digit <= 9, task.key() + ": the prompt holds digits");
                }
                int[] expected = expectedAnswer(task, prompt);
                for (int t = 0; t < n; t++) {
                    assertEquals(Example.IGNORED, target[t], task.key() + ": the prompt is not scored");
                }
                for (int i = 0; i < n; i++) {
                    assertEquals(expected[i], target[n + i], task.key() + ": answer digit " + i);
                }
                for (int i = 0; i < n - 1; i++) {
                    assertEquals(expected[i], input[n + 1 + i], task.key() + ": the answer is read after |");
                }
                assertEquals(n, example.scoredCount());
            }
            assertEquals(11, task.vocabulary());
            assertTrue(task.exactSequence());
        }
    }

    private static int[] expectedAnswer(Task task, int[] prompt) {
        int[] answer = prompt.clone();
        if (task == Task.REVERSE) {
            for (int i = 0; i < prompt.length; i++) {
                answer[i] = prompt[prompt.length - 1 - i];
            }
        } else if (task == Task.SORT) {
            Arrays.sort(answer);
        }
        return answer;
    }

    @Test
    void aWorkedSortExample() {
        Example example = new Example(new int[] {3, 1, 2, 10, 1, 2}, new int[] {-1, -1, -1, 1, 2, 3});
        int[] wrong = {0, 0, 0, 1, 2, 2};
        assertFalse(example.allCorrect(wrong));
        assertEquals(2, example.correctCount(wrong));
        assertTrue(example.allCorrect(new int[] {9, 9, 9, 1, 2, 3}));
    }

    @Test
    void previousTokenAsksForTheTokenBeforeAtEveryPositionButTheFirst() {
        SplittableRandom random = new SplittableRandom(2);
        Example example = Task.PREVIOUS_TOKEN.generate(16, random);
        int[] input = example.input();
        int[] target = example.target();
        assertEquals(16, input.length);
        assertEquals(Example.IGNORED, target[0]);
        for (int t = 1; t < 16; t++) {
            assertEquals(input[t - 1], target[t]);
            assertTrue(input[t] >= 0 && input[t] < Task.PREVIOUS_TOKEN.vocabulary());
        }
        assertEquals(15, example.scoredCount());
        assertEquals(10, Task.PREVIOUS_TOKEN.vocabulary());
        assertFalse(Task.PREVIOUS_TOKEN.exactSequence());
    }

    @Test
    void inductionRepeatsASegmentOfDistinctLettersOfMixedLengthsAfterFillerWithoutThem() {
        SplittableRandom random = new SplittableRandom(3);
        Set<Integer> lengths = new HashSet<>();
        for (int s = 0; s < SAMPLES; s++) {
            int tokens = 8 + s % 25;
            Example example = Task.INDUCTION.generate(tokens, random);
            int[] input = example.input();
            int[] target = example.target();
            assertEquals(tokens, input.length);
            int segment = example.scoredCount() + 1;               // the repeat's tokens 2 … L are scored
            int filler = tokens + 1 - 2 * segment;
            assertTrue(segment >= 3 && segment <= Math.min((tokens + 1) / 2, 15), "segment length " + segment);
            lengths.add(segment);
            int[] a = Arrays.copyOfRange(input, filler, filler + segment);
            assertEquals(segment, Arrays.stream(a).distinct().count(), "the segment's letters are distinct");
            for (int t = 0; t < filler; t++) {
                final int letter = input[t];
                assertTrue(Arrays.stream(a).noneMatch(x -> x == letter), "filler letter " + letter + " is in the segment");
            }
            for (int i = 0; i < segment - 1; i++) {
                assertEquals(a[i], input[filler + segment + i], "the repeat");
            }
            for (int t = 0; t < tokens; t++) {
                boolean scored = t >= filler + segment && t <= filler + 2 * segment - 2;
                int expected = scored ? a[t - filler - segment + 1] : Example.IGNORED;
                assertEquals(expected, target[t], "target at " + t);
                assertTrue(input[t] >= 0 && input[t] < 16);
            }
        }
        assertTrue(lengths.size() >= 10, "segment lengths seen: " + lengths);
    }

    @Test
    void theProbeIsFixedAndTheSameSeedGivesTheSameSequences() {
        assertArrayEquals(Task.REVERSE.probe(8).input(), Task.REVERSE.probe(8).input());
        assertArrayEquals(Task.INDUCTION.generate(24, new SplittableRandom(5)).input(),
                Task.INDUCTION.generate(24, new SplittableRandom(5)).input());
        assertNotEquals(Arrays.toString(Task.COPY.generate(8, new SplittableRandom(5)).input()),
                Arrays.toString(Task.COPY.generate(8, new SplittableRandom(6)).input()));
    }

    @Test
    void lengthsOutsideTheTasksRangeAndUnknownKeysAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Task.SORT.generate(17, new SplittableRandom(1)));
        assertEquals("length 17 is outside 2–16 for the sort task", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Task.fromKey("copying"));
        assertEquals("unknown task \"copying\": use one of copy, reverse, sort, previous-token, induction", e.getMessage());
        assertEquals(Task.PREVIOUS_TOKEN, Task.fromKey("previous-token"));
    }

    @Test
    void theCountOfDistinctSequencesDecidesWhetherAHeldOutSetCanBeKeptApart() {
        assertEquals(1e8, Task.COPY.distinctSequences(8));
        assertEquals(100.0, Task.SORT.distinctSequences(2));
        assertEquals(1e16, Task.PREVIOUS_TOKEN.distinctSequences(16));
        assertEquals(16.0 * 15 * 14 * 13 * 13 * 13, Task.INDUCTION.distinctSequences(8));
    }

    @Test
    void tokensAreWrittenAsDigitsTheSeparatorOrLetters() {
        assertEquals("7", Task.COPY.tokenText(7));
        assertEquals("|", Task.SORT.tokenText(Task.SEPARATOR));
        assertEquals("p", Task.INDUCTION.tokenText(15));
    }
}
