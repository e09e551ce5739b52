package attentionbook.model;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lab's training runs: one per config, trained once and then kept. A run's id is its config's
 * hash, so the same config asked for twice, by anyone, is the same run. Runs train on a fixed pool of
 * worker threads (one run a worker); the rest wait in a queue whose order is their position. Each run
 * stops at a CPU-time limit. With a data folder, a finished run is written there and read back when
 * asked for again, after a restart or on another instance sharing the folder.
 */
public final class Lab implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Lab.class.getName());

    /** Finished runs kept in memory; older ones are dropped (and read back from the data folder if there is one). */
    static final int KEPT = 64;

    private final int workers;
    private final int maxQueued;
    private final Duration cpuLimit;
    private final Path dataFolder;
    private final ExecutorService pool;
    private final Map<String, LabRun> runs = new LinkedHashMap<>();
    private final List<LabRun> queue = new ArrayList<>();
    private final Set<Trainer> training = ConcurrentHashMap.newKeySet();

    /**
     * @param workers    runs that train at once
     * @param maxQueued  runs that may wait; one more is refused with {@link LabBusyException}
     * @param cpuLimit   CPU time one run may use
     * @param dataFolder where finished runs are kept, or null to keep them in memory only
     */
    public Lab(int workers, int maxQueued, Duration cpuLimit, Path dataFolder) {
        if (workers < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("the lab needs at least 1 worker and a queue of 0 or more");
        }
        this.workers = workers;
        this.maxQueued = maxQueued;
        this.cpuLimit = cpuLimit;
        this.dataFolder = dataFolder;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "lab-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The runs that train at once. */
    public int workers() {
        return workers;
    }

    /** The run for this config: the one already known (training, queued, done or failed), or a new one, queued. */
    public synchronized LabRun start(RunConfig config) {
        Optional<LabRun> known = find(config.id());
        if (known.isPresent()) {
            return known.get();
        }
        if (queue.size() >= maxQueued + Math.max(0, workers - running())) {
            throw new LabBusyException("the lab is busy: " + running() + " runs are training and " + queue.size()
                    + " are waiting; try again in a minute");
        }
        LabRun run = new LabRun(config);
        keep(run);
        queue.add(run);
        pool.execute(() -> train(run));
        return run;
    }

    /** The run with this id, if this lab has it in memory or in its data folder. */
    public synchronized Optional<LabRun> find(String id) {
        LabRun run = runs.get(id);
        if (run == null && dataFolder != null) {
            try {
                run = RunFile.read(dataFolder, id).orElse(null);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the lab run file for " + id + " could not be read; training it again", e);
            }
            if (run != null) {
                keep(run);
            }
        }
        return Optional.ofNullable(run);
    }

    /** 1 for the next run to start, 2 for the one after, …; 0 when the run is not waiting. */
    public synchronized int position(LabRun run) {
        return queue.indexOf(run) + 1;
    }

    /** A run's status and its place in the queue, read together (a run leaves the queue as it starts). */
    public record Place(LabRun.Status status, int position) {
    }

    public synchronized Place place(LabRun run) {
        return new Place(run.status(), position(run));
    }

    private int running() {
        int count = 0;
        for (LabRun run : runs.values()) {
            count += run.status() == LabRun.Status.TRAINING ? 1 : 0;
        }
        return count;
    }

    private void keep(LabRun run) {
        runs.put(run.id(), run);
        Iterator<LabRun> oldest = runs.values().iterator();
        while (runs.size() > KEPT && oldest.hasNext()) {
            if (oldest.next().ended()) {
                oldest.remove();
            }
        }
    }

    private void train(LabRun run) {
        synchronized (this) {
            queue.remove(run);
            run.started();
        }
        Trainer trainer = null;
        try {
            trainer = new Trainer(run.config(), cpuLimit);
            training.add(trainer);
            TrainingResult result = trainer.run(run::add);
            run.finished(result, trainer.model());
            if (run.status() == LabRun.Status.DONE && dataFolder != null) {
                RunFile.write(dataFolder, run);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the lab run " + run.id() + " trained but could not be saved", e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the lab run " + run.id() + " failed", e);
            run.failed("training failed: " + e.getMessage());
        } finally {
            if (trainer != null) {
                training.remove(trainer);
            }
        }
    }

    /** Stops the runs in training after their current step and drops the waiting ones. */
    @Override
    public void close() {
        training.forEach(Trainer::cancel);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Refused: the queue is full. */
    public static final class LabBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LabBusyException(String message) {
            super(message);
        }
    }
}
