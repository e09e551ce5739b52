package attentionbook.exercise;

import java.util.Map;

/**
 * One exercise as a chapter declares it: a kind and its options, checked, and the id the API and the
 * worksheets know it by. The same kind with the same options is the same exercise, with the same numbers.
 */
public record Declaration(String id, ExerciseKind kind, Settings settings) {

    /** What a declaration got wrong: its kind, its options as a whole, or one option (named). */
    public static final class Invalid extends IllegalArgumentException {
        public enum Part { KIND, OPTIONS, OPTION }

        private final Part part;
        private final String option;

        Invalid(Part part, String option, String message) {
            super(message);
            this.part = part;
            this.option = option;
        }

        public Part part() {
            return part;
        }

        /** The option at fault, when {@link #part()} is OPTION. */
        public String option() {
            return option;
        }
    }

    /** The exercise for this seed: the same seed always gives the same numbers. */
    public Exercise generate(long seed) {
        return kind.generate(seed, settings);
    }

    /**
     * Checks a kind and its options (words or whole numbers, as written), and generates the exercise
     * once, so that a declaration which cannot make an exercise fails when the book loads, not when a
     * learner opens it.
     */
    public static Declaration of(String kindName, Map<String, Object> options) {
        if (kindName.isEmpty()) {
            throw new Invalid(Invalid.Part.KIND, null, "name the kind: ```exercise KIND, where KIND is one of " + ExerciseKinds.names());
        }
        ExerciseKind kind = ExerciseKinds.find(kindName).orElseThrow(() -> new Invalid(Invalid.Part.KIND, null,
                "unknown exercise kind \"" + kindName + "\"; the kinds are " + ExerciseKinds.names()));
        Settings settings;
        try {
            settings = Settings.of(kind.options(), options);
        } catch (IllegalArgumentException e) {
            String key = options.keySet().stream().filter(k -> e.getMessage().contains("\"" + k + "\"")).findFirst().orElse(null);
            throw new Invalid(key == null ? Invalid.Part.OPTIONS : Invalid.Part.OPTION, key, e.getMessage());
        }
        try {
            kind.generate(Seeds.DEFAULT, settings);
        } catch (RuntimeException e) {
            throw new Invalid(Invalid.Part.OPTIONS, null, "these options cannot make an exercise: " + e.getMessage());
        }
        return new Declaration(idOf(kind, settings), kind, settings);
    }

    /** "score-grid", or with options "score-grid-tokens-2": readable, and the same for the same options. */
    static String idOf(ExerciseKind kind, Settings settings) {
        StringBuilder id = new StringBuilder(kind.name());
        settings.written().forEach((name, value) -> id.append('-').append(name).append('-').append(value));
        return id.toString();
    }
}
