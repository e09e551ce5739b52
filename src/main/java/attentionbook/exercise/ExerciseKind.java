package attentionbook.exercise;

import java.util.List;

/** A kind of exercise: its options, and how to generate one from a seed. */
public interface ExerciseKind {
    /** The name used in ```exercise NAME and in the API, e.g. "score-grid". */
    String name();

    /** A short title, e.g. "The score grid". */
    String title();

    /** The chapter topic it practises, e.g. "Scores". */
    String topic();

    List<Option> options();

    /** The same seed and settings always give the same exercise. */
    Exercise generate(long seed, Settings settings);
}
