package attentionbook.exercise;

import java.util.List;

/**
 * The skeleton of every {@link ExerciseKind} here: its name, title, topic and options, and the generation loop. A draw
 * whose usual mistakes would give the right answer anyway (a symmetric grid hides a forgotten
 * transpose) is redrawn, so the mistakes a kind promises to recognise can be told apart.
 */
abstract class AbstractExerciseKind implements ExerciseKind {
    private static final int ATTEMPTS = 200;

    private final String name;
    private final String title;
    private final String topic;
    private final List<Option> options;

    AbstractExerciseKind(String name, String title, String topic, Option... options) {
        this.name = name;
        this.title = title;
        this.topic = topic;
        this.options = List.of(options);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String topic() {
        return topic;
    }

    @Override
    public final List<Option> options() {
        return options;
    }

    @Override
    public final Exercise generate(long seed, Settings settings) {
        Draw draw = new Draw(name, seed);
        Exercise exercise = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            exercise = build(draw, seed, settings);
            if (required(settings).stream().allMatch(exercise::diagnoses) && !(sizesOnly() && exercise.hasTwins())) {
                return exercise;
            }
        }
        return exercise;
    }

    /**
     * True for the kinds about sizes (shapes, counts, costs), whose mistakes coincide only when two
     * sizes do: such a draw is redrawn, so every mistake is named on its own.
     */
    boolean sizesOnly() {
        return false;
    }

    /** The mistakes every exercise of this kind (with these settings) must be able to recognise. */
    abstract List<String> required(Settings settings);

    /** One candidate exercise from the next random draws. */
    abstract Exercise build(Draw draw, long seed, Settings settings);

    /** Exercise.of with this kind's name and title. */
    final Exercise exercise(long seed, List<String> prompt, List<Table> given, AnswerForm form,
                            attentionbook.attention.Matrix answer, List<WorkStep> hints, List<WorkStep> solution,
                            List<Mistake> mistakes) {
        return Exercise.of(name, title, seed, prompt, given, form, answer, hints, solution, mistakes);
    }
}
