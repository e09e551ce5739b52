package attentionbook.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything that decides a training run; the same config always trains the same weights, bit for bit.
 * The limits (each refused with a {@link ConfigException} naming the field and the limit):
 * <pre>
 *   length          the task's own range (see {@link Task}); the context it gives is at most 32
 *   layers          1–2           heads   1–4, dividing d_model      d_model  8–64
 *   mlp             true/false    steps   1–20,000                   batch    1–64
 *   lr              the peak learning rate, above 0 and at most 0.1
 *   warmup          0 to steps    weight_decay  0–1                  seed     0–2,147,483,647
 *   snapshot_every  1–20,000 (a snapshot every so many steps, and after the last)
 * </pre>
 */
public record RunConfig(Task task, int length, int layers, int heads, int dModel, boolean mlp, int steps,
                        int batch, double lr, int warmup, double weightDecay, long seed, int snapshotEvery) {

    public static final int MAX_CONTEXT = 32;
    public static final int MAX_STEPS = 20_000;
    public static final int MAX_BATCH = 64;
    public static final double MAX_LR = 0.1;
    public static final long MAX_SEED = Integer.MAX_VALUE;

    public RunConfig {
        if (task == null) {
            throw new ConfigException("task", "task is missing: use one of copy, reverse, sort, previous-token, induction");
        }
        requireRange("length", length, task.minLength(), task.maxLength(), " for the " + task.key() + " task");
        requireRange("layers", layers, 1, 2, "");
        requireRange("heads", heads, 1, 4, "");
        requireRange("d_model", dModel, 8, 64, "");
        if (dModel % heads != 0) {
            throw new ConfigException("heads", "heads must divide d_model: " + heads + " does not divide " + dModel);
        }
        requireRange("steps", steps, 1, MAX_STEPS, "");
        requireRange("batch", batch, 1, MAX_BATCH, "");
        if (!(lr > 0 && lr <= MAX_LR)) {
            throw new ConfigException("lr", "lr must be above 0 and at most " + MAX_LR + ", got " + lr);
        }
        requireRange("warmup", warmup, 0, steps, " (the number of steps)");
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new ConfigException("weight_decay", "weight_decay must be from 0 to 1, got " + weightDecay);
        }
        if (seed < 0 || seed > MAX_SEED) {
            throw new ConfigException("seed", "seed must be from 0 to " + MAX_SEED + ", got " + seed);
        }
        requireRange("snapshot_every", snapshotEvery, 1, MAX_STEPS, "");
    }

    private static void requireRange(String field, int value, int min, int max, String where) {
        if (value < min || value > max) {
            throw new ConfigException(field, field + " must be from " + min + " to " + max + where + ", got " + value);
        }
    }

    /**
     * The defaults for a task, tuned so that each reaches its target on one core (figures in
     * src/test/java/attentionbook/benchmarks/README.md).
     */
    public static RunConfig defaults(Task task) {
        switch (task) {
            case INDUCTION:
                return new RunConfig(task, task.defaultLength(), 2, 2, 32, false, 2000, 32, 0.01, 100, 0.01, 1, 100);
            case PREVIOUS_TOKEN:
                return new RunConfig(task, task.defaultLength(), 1, 1, 16, false, 500, 32, 0.01, 50, 0.01, 1, 50);
            case SORT:
                return new RunConfig(task, task.defaultLength(), 2, 2, 32, true, 1400, 32, 0.003, 100, 0.01, 1, 100);
            default:
                return new RunConfig(task, task.defaultLength(), 1, 2, 32, true, 1000, 32, 0.003, 100, 0.01, 1, 100);
        }
    }

    /** The tokens the model reads: the task's context for this length. */
    public int context() {
        return task.context(length);
    }

    /** The model's sizes. */
    public ModelShape shape() {
        return new ModelShape(task.vocabulary(), context(), layers, heads, dModel, mlp);
    }

    public RunConfig withLength(int newLength) {
        return new RunConfig(task, newLength, layers, heads, dModel, mlp, steps, batch, lr, warmup, weightDecay,
                seed, snapshotEvery);
    }

    public RunConfig withModel(int newLayers, int newHeads, int newDModel, boolean newMlp) {
        return new RunConfig(task, length, newLayers, newHeads, newDModel, newMlp, steps, batch, lr, warmup,
                weightDecay, seed, snapshotEvery);
    }

    /** The optimisation settings; warmup is kept within the new steps. */
    public RunConfig withTraining(int newSteps, int newBatch, double newLr) {
        return new RunConfig(task, length, layers, heads, dModel, mlp, newSteps, newBatch, newLr,
                Math.min(warmup, newSteps), weightDecay, seed, snapshotEvery);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(task, length, layers, heads, dModel, mlp, steps, batch, lr, warmup, weightDecay,
                newSeed, snapshotEvery);
    }

    public RunConfig withSnapshotEvery(int newSnapshotEvery) {
        return new RunConfig(task, length, layers, heads, dModel, mlp, steps, batch, lr, warmup, weightDecay,
                seed, newSnapshotEvery);
    }

    /**
     * Every field, defaults included, in a fixed order and a fixed spelling, e.g.
     * "task=copy;length=8;layers=1;…;lr=0.003;…". Numbers are written the same way on every JVM:
     * a double as the shortest decimal that reads back to it (worked out with BigDecimal, not
     * Double.toString, whose output changed between Java versions).
     */
    public String canonical() {
        return "task=" + task.key() + ";length=" + length + ";layers=" + layers + ";heads=" + heads
                + ";d_model=" + dModel + ";mlp=" + mlp + ";steps=" + steps + ";batch=" + batch
                + ";lr=" + shortest(lr) + ";warmup=" + warmup + ";weight_decay=" + shortest(weightDecay)
                + ";seed=" + seed + ";snapshot_every=" + snapshotEvery;
    }

    /** The SHA-256 of the canonical form, as 64 lowercase hex digits: the run's id. */
    public String id() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The fewest significant digits (1 to 17) whose decimal reads back as exactly this double. */
    static String shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
        return exact.round(new MathContext(17)).stripTrailingZeros().toPlainString();
    }
}
