package attentionbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One training run of the lab, shared by every reader who asks for its config: its status, the
 * snapshots taken so far, and (once done) the trained model. The training thread writes; request
 * threads read and subscribe. A subscriber gets every snapshot so far, then each new one as it is
 * taken, then {@link #END}.
 */
public final class LabRun {

    /** The lab's statuses, as the API names them. */
    public enum Status {
        QUEUED("queued"), TRAINING("training"), DONE("done"), FAILED("failed");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Put in a subscriber's queue after the last snapshot: the run has ended (done or failed). */
    public static final Object END = new Object();

    private final RunConfig config;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<BlockingQueue<Object>> subscribers = new ArrayList<>();
    private Status status;
    private String failure;
    private TrainingResult result;
    private TinyGpt model;

    LabRun(RunConfig config) {
        this.config = config;
        this.status = Status.QUEUED;
    }

    /** A finished run read back from the data folder. */
    LabRun(RunConfig config, List<Snapshot> snapshots, TrainingResult result, TinyGpt model) {
        this.config = config;
        this.snapshots.addAll(snapshots);
        this.result = result;
        this.model = model;
        this.status = Status.DONE;
    }

    public String id() {
        return config.id();
    }

    public RunConfig config() {
        return config;
    }

    public synchronized Status status() {
        return status;
    }

    /** Why a failed run failed, in words; empty otherwise. */
    public synchronized Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** How training ended; empty until it has. */
    public synchronized Optional<TrainingResult> result() {
        return Optional.ofNullable(result);
    }

    public synchronized List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** The newest snapshot, if any. */
    public synchronized Optional<Snapshot> latest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    /**
     * The trained model, once the run is done. Its forward pass uses buffers of its own, so callers
     * lock on it while they use it ({@code synchronized (model) {...}}).
     */
    public synchronized Optional<TinyGpt> model() {
        return status == Status.DONE ? Optional.of(model) : Optional.empty();
    }

    /** A queue holding every snapshot so far (and END if the run has ended), fed with the rest as they come. */
    public synchronized BlockingQueue<Object> subscribe() {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>(snapshots);
        if (ended()) {
            queue.add(END);
        } else {
            subscribers.add(queue);
        }
        return queue;
    }

    /** Stops feeding a queue (its reader went away); the run goes on for everyone else. */
    public synchronized void unsubscribe(BlockingQueue<Object> queue) {
        subscribers.remove(queue);
    }

    synchronized boolean ended() {
        return status == Status.DONE || status == Status.FAILED;
    }

    synchronized void started() {
        status = Status.TRAINING;
    }

    synchronized void add(Snapshot snapshot) {
        snapshots.add(snapshot);
        subscribers.forEach(queue -> queue.add(snapshot));
    }

    synchronized void finished(TrainingResult result, TinyGpt model) {
        this.result = result;
        this.model = model;
        switch (result.outcome()) {
            case FINISHED -> status = Status.DONE;
            case CPU_LIMIT -> fail("stopped after " + result.steps() + " of " + config.steps()
                    + " steps: the run reached the lab's CPU-time limit; ask for fewer steps");
            case DIVERGED -> fail("stopped after " + result.steps() + " steps: the loss stopped being a finite"
                    + " number, so the learning rate is too high for this model; try a smaller lr");
            case CANCELLED -> fail("stopped after " + result.steps() + " steps: the server was shutting down");
        }
        endSubscriptions();
    }

    synchronized void failed(String why) {
        fail(why);
        endSubscriptions();
    }

    private void fail(String why) {
        status = Status.FAILED;
        failure = why;
    }

    private void endSubscriptions() {
        subscribers.forEach(queue -> queue.add(END));
        subscribers.clear();
    }
}
