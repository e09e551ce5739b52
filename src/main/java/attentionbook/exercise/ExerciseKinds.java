package attentionbook.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every kind of exercise the book knows, by name, in the order of the chapters they practise. */
public final class ExerciseKinds {
    private static final Map<String, ExerciseKind> KINDS = new LinkedHashMap<>();

    static {
        for (ExerciseKind kind : List.of(
                new PipelineShapes(), new ElementCount(),
                new ProjectionRow(), new ProjectionMatrix(),
                new Score(), new ScoreGrid(),
                new ScaledScore(), new ScaleGrid(),
                new MaskGrid(), new MaskedSoftmax(),
                new SoftmaxRow(), new SoftmaxGrid(),
                new WeightedSumRow(), new WeightedSumMatrix(),
                new HeadShapes(), new HeadScores(), new ParameterCount(),
                new OutputRow(),
                new KvCacheSize(), new DecodeStep(), new AttentionCost(),
                new OnlineSoftmaxTile(),
                new GroupedQueryCache(), new WindowMaskRow(), new RopeRotation(),

                new FullAttention())) {
            KINDS.put(kind.name(), kind);
        }
    }

    private ExerciseKinds() {
    }

    public static Optional<ExerciseKind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    public static List<ExerciseKind> all() {
        return List.copyOf(KINDS.values());
    }

    /** "pipeline-shapes, element-count, …" for messages. */
    public static String names() {
        return String.join(", ", KINDS.keySet());
    }
}
