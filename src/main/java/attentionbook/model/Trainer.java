package attentionbook.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Trains a {@link TinyGpt} on a task as its {@link RunConfig} says: each step draws a fresh batch,
 * runs forward and backward, and takes an AdamW step at the {@link Schedule}'s rate. Every
 * {@code snapshot_every} steps, and after the last, it measures the held-out accuracy and the probe's
 * attention and hands a {@link Snapshot} to the listener, with the training loss of every
 * {@link Snapshot#LOSS_EVERY} steps since the snapshot before.
 *
 * <p>Randomness: the run's seed seeds a SplittableRandom that gives the model's initial weights and then the
 * training batches. The held-out set (512 sequences) and the probe come from fixed seeds, the same for
 * every run of a task and length, and training never draws one of them, unless they are more than 1% of
 * all the task's sequences (copy, reverse, sort or previous-token of 4 digits or fewer: 10,000 sequences
 * at most), too few to keep any apart: then training may draw them too. Everything runs in the calling
 * thread with sums in a fixed order, so a config gives the same weights bit for bit.
 *
 * <p>Stopping: between steps the trainer checks {@link #cancel()} (safe from any thread) and, when a
 * CPU-time cap is set, the CPU time this thread has used since {@link #run} began.
 */
public final class Trainer {

    public static final int HELD_OUT = 512;
    /** The held-out set is kept out of training only when it is at most 1% of the task's sequences. */
    private static final double KEPT_APART_FACTOR = 100;
    private static final long HELD_OUT_SEED = 7_000_001L;

    private final RunConfig config;
    private final TinyGpt model;
    private final SplittableRandom trainingData;
    private final List<Example> heldOut;
    private final Set<String> reserved = new HashSet<>();
    private final Example probe;
    private final Duration cpuLimit;
    private volatile boolean cancelled;
    private boolean started;

    /** A trainer with no CPU-time cap. */
    public Trainer(RunConfig config) {
        this(config, null);
    }

    /** A trainer that stops once the run has used cpuLimit of CPU time (null: no cap). */
    public Trainer(RunConfig config, Duration cpuLimit) {
        this.config = Objects.requireNonNull(config, "the run config is missing");
        this.cpuLimit = cpuLimit;
        SplittableRandom root = new SplittableRandom(config.seed());
        this.model = new TinyGpt(config.shape(), root.nextLong());
        this.trainingData = root.split();
        SplittableRandom heldOutData = new SplittableRandom(HELD_OUT_SEED);
        List<Example> examples = new ArrayList<>(HELD_OUT);
        for (int i = 0; i < HELD_OUT; i++) {
            Example example = config.task().generate(config.length(), heldOutData);
            examples.add(example);
            reserved.add(example.key());
        }
        this.heldOut = List.copyOf(examples);
        this.probe = config.task().probe(config.length());
        reserved.add(probe.key());
        if (config.task().distinctSequences(config.length()) < KEPT_APART_FACTOR * reserved.size()) {
            reserved.clear();                                  // too few sequences to keep any apart
        }
    }

    public RunConfig config() {
        return config;
    }

    /** The model being trained (read it between runs or after one, not from another thread while it runs). */
    public TinyGpt model() {
        return model;
    }

    /** The held-out sequences the accuracy is measured on. */
    public List<Example> heldOut() {
        return heldOut;
    }

    /** Asks a running {@link #run} to stop after the step it is taking. */
    public void cancel() {
        cancelled = true;
    }

    /** Runs every step (or until cancelled, capped or diverged), calling listener with each snapshot; once a trainer. */
    public TrainingResult run(SnapshotListener listener) {
        Objects.requireNonNull(listener, "the snapshot listener is missing");
        if (started) {
            throw new IllegalStateException("this trainer has already run: make a new Trainer for another run");
        }
        started = true;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        AdamW optimiser = new AdamW(model.parameters(), config.weightDecay());
        Schedule schedule = new Schedule(config.lr(), config.warmup(), config.steps());
        double lossSum = 0.0;
        int lossCount = 0;
        double pointSum = 0.0;
        int pointCount = 0;
        List<Snapshot.LossPoint> curve = new ArrayList<>();
        Snapshot last = null;
        int step = 0;
        TrainingResult.Outcome outcome = TrainingResult.Outcome.FINISHED;
        while (step < config.steps()) {
            if (cancelled) {
                outcome = TrainingResult.Outcome.CANCELLED;
                break;
            }
            if (cpuLimit != null && threads.getCurrentThreadCpuTime() - cpuStart >= cpuLimit.toNanos()) {
                outcome = TrainingResult.Outcome.CPU_LIMIT;
                break;
            }
            step++;
            double loss = model.lossAndGradient(nextBatch());
            if (!Double.isFinite(loss)) {
                outcome = TrainingResult.Outcome.DIVERGED;    // no snapshot: its numbers would not be finite
                step--;
                lossCount = 0;
                pointCount = 0;
                break;
            }
            double lr = schedule.at(step);
            optimiser.step(lr);
            lossSum += loss;
            lossCount++;
            pointSum += loss;
            pointCount++;
            boolean snapshotDue = step % config.snapshotEvery() == 0 || step == config.steps();
            if (snapshotDue || step % Snapshot.LOSS_EVERY == 0) {
                curve.add(new Snapshot.LossPoint(step, pointSum / pointCount));
                pointSum = 0.0;
                pointCount = 0;
            }
            if (snapshotDue) {
                last = snapshot(step, lossSum / lossCount, lr, curve);
                curve.clear();
                lossSum = 0.0;
                lossCount = 0;
                listener.onSnapshot(last);
            }
        }
        if (lossCount > 0) {                                   // stopped early: report the last finished step
            if (pointCount > 0) {
                curve.add(new Snapshot.LossPoint(step, pointSum / pointCount));
            }
            last = snapshot(step, lossSum / lossCount, schedule.at(step), curve);
            listener.onSnapshot(last);
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new TrainingResult(outcome, step, cpuSeconds, last);
    }

    private List<Example> nextBatch() {
        List<Example> batch = new ArrayList<>(config.batch());
        while (batch.size() < config.batch()) {
            Example example = config.task().generate(config.length(), trainingData);
            if (!reserved.contains(example.key())) {           // held-out sequences stay unseen
                batch.add(example);
            }
        }
        return batch;
    }

    private Snapshot snapshot(int step, double loss, double lr, List<Snapshot.LossPoint> curve) {
        return new Snapshot(step, config.steps(), loss, accuracy(), lr, model.inspect(probe.input()), curve);
    }

    /** The task's measure on the held-out sequences: exact-sequence or token accuracy, from 0 to 1. */
    public double accuracy() {
        long right = 0;
        long total = 0;
        for (Example example : heldOut) {
            int[] predictions = model.predict(example.input());
            if (config.task().exactSequence()) {
                right += example.allCorrect(predictions) ? 1 : 0;
                total += 1;
            } else {
                right += example.correctCount(predictions);
                total += example.scoredCount();
            }
        }
        return (double) right / total;
    }

    /** Called with each snapshot, in the training thread. */
    @FunctionalInterface
    public interface SnapshotListener {
        void onSnapshot(Snapshot snapshot);
    }
}
