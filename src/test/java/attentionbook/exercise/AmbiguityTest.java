package attentionbook.exercise;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No seed draws an exercise whose sizes a learner cannot tell apart: read from the prompt as the
 * learner reads it, the sizes above 1 differ (B ≠ d_model, h ≠ d_k, heads ≠ layers, …), and no two
 * mistakes of a size exercise give the same answer.
 */
class AmbiguityTest {
    private static final int SEEDS = 1000;

    /** For each size kind, the sizes its prompt states, as patterns over the plain prompt. */
    private static final Map<String, List<String>> SIZES = Map.of(
            "pipeline-shapes", List.of("\\[B, T, d_model\\] = \\[(\\d+), (\\d+), (\\d+)\\]", "shape \\[\\d+, (\\d+)\\] \\(d_model × d_k\\)"),
            "element-count", List.of("\\[B, T, d_model\\] = \\[(\\d+), (\\d+), (\\d+)\\]", "Wq has shape \\[\\d+, (\\d+)\\]"),
            "head-shapes", List.of("d_model = (\\d+)", "h = (\\d+) heads", "T = (\\d+) tokens"),
            "parameter-count", List.of("(\\d+) layers?", "d_model = (\\d+)", "h = (\\d+) heads"),
            "kv-cache", List.of("(\\d+) layers", "(\\d+) key/value heads?", "of width (\\d+)", "in (\\d+) bytes?",
                    "(\\d+) sequences at once", "after (\\d+) tokens"),
            "attention-cost", List.of("h = (\\d+) heads", "d_k = d_v = (\\d+)", "T = (\\d+) tokens", "a batch of (\\d+)"));

    @Test
    void theSizesALearnerMustTellApartDiffer() {
        for (Map.Entry<String, List<String>> kind : SIZES.entrySet()) {
            ExerciseKind k = ExerciseKinds.find(kind.getKey()).orElseThrow();
            for (String size : k.options().isEmpty() ? List.of("") : k.options().get(0).words()) {
                Settings settings = size.isEmpty() ? Settings.defaults(k.options()) : Settings.of(k.options(), Map.of("size", size));
                for (long seed = 0; seed < SEEDS; seed++) {
                    String prompt = Oracle.plain(String.join(" ", k.generate(seed, settings).prompt()));
                    List<Integer> sizes = new ArrayList<>();
                    for (String pattern : kind.getValue()) {
                        Matcher m = Pattern.compile(pattern).matcher(prompt);
                        if (m.find()) {
                            for (int g = 1; g <= m.groupCount(); g++) {
                                if (m.group(g) != null) {
                                    sizes.add(Integer.parseInt(m.group(g)));
                                }
                            }
                        }
                    }
                    if (kind.getKey().equals("head-shapes")) {
                        sizes.add(sizes.get(0) / sizes.get(1));   // d_k = d_model / h, which the learner works out
                    }
                    if (kind.getKey().equals("kv-cache") || kind.getKey().equals("attention-cost")) {
                        sizes.add(2);   // keys and values; two FLOPs a multiply-add
                    }
                    assertTrue(sizes.size() >= 3, kind.getKey() + " seed " + seed + ": sizes not found in " + prompt);
                    assertTrue(distinct(sizes),
                            kind.getKey() + " " + size + " seed " + seed + " draws equal sizes " + sizes + ": " + prompt);
                }
            }
        }
    }

    @Test
    void noTwoMistakesOfASizeExerciseGiveTheSameAnswer() {
        for (String kind : SIZES.keySet()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                for (Mistake mistake : CheckerTest.generate(kind, seed).mistakes()) {
                    assertFalse(mistake.text().contains("Another mistake gives the same numbers"),
                            kind + " seed " + seed + ": " + mistake.text());
                }
            }
        }
    }

    /** The sizes above 1 all differ (1 is "one sequence", "one head": nothing to confuse). */
    private static boolean distinct(List<Integer> sizes) {
        List<Integer> big = sizes.stream().filter(s -> s > 1).toList();
        return big.size() == new java.util.HashSet<>(big).size();
    }
}
