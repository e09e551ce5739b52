package attentionbook.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabTest {
    /** A run that takes well under a second. */
    static RunConfig tiny(long seed) {
        return RunConfig.defaults(Task.PREVIOUS_TOKEN).withLength(6).withModel(1, 1, 8, false)
                .withTraining(40, 8, 0.01).withSeed(seed).withSnapshotEvery(10);
    }

    /** A run long enough to still be training when the test looks. */
    static RunConfig long_(long seed) {
        return RunConfig.defaults(Task.INDUCTION).withTraining(20_000, 64, 0.003).withSeed(seed);
    }

    static LabRun awaitEnd(LabRun run) throws InterruptedException {
        BlockingQueue<Object> events = run.subscribe();
        Object event;
        do {
            event = events.poll(60, TimeUnit.SECONDS);
        } while (event != null && event != LabRun.END);
        assertSame(LabRun.END, event, "the run ended within a minute");
        return run;
    }

    @Test
    void theSameConfigIsTheSameRunAndEverySnapshotReachesASubscriber() throws InterruptedException {
        try (Lab lab = new Lab(1, 4, Duration.ofMinutes(1), null)) {
            LabRun run = lab.start(tiny(1));
            assertSame(run, lab.start(tiny(1)));
            BlockingQueue<Object> events = run.subscribe();
            awaitEnd(run);
            assertEquals(LabRun.Status.DONE, run.status());
            List<Snapshot> snapshots = run.snapshots();
            assertEquals(List.of(10, 20, 30, 40), snapshots.stream().map(Snapshot::step).toList());
            for (Snapshot s : snapshots) {
                assertSame(s, events.poll());
            }
            assertSame(LabRun.END, events.poll());
            assertSame(run, lab.find(tiny(1).id()).orElseThrow());
            assertTrue(lab.find(tiny(2).id()).isEmpty());
        }
    }

    @Test
    void runsBeyondTheWorkersWaitInOrderAndBeyondTheQueueAreRefused() {
        try (Lab lab = new Lab(1, 1, Duration.ofMinutes(1), null)) {
            LabRun first = lab.start(long_(1));
            LabRun second = lab.start(long_(2));
            // the worker takes the first run within moments; until then it waits at position 1
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (first.status() == LabRun.Status.QUEUED && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertEquals(LabRun.Status.TRAINING, first.status());
            assertEquals(0, lab.position(first));
            assertEquals(LabRun.Status.QUEUED, second.status());
            assertEquals(1, lab.position(second));
            assertEquals(new Lab.Place(LabRun.Status.QUEUED, 1), lab.place(second));
            assertEquals(new Lab.Place(LabRun.Status.TRAINING, 0), lab.place(first));
            Lab.LabBusyException busy = assertThrows(Lab.LabBusyException.class, () -> lab.start(long_(3)));
            assertTrue(busy.getMessage().contains("1 runs are training and 1 are waiting"), busy.getMessage());
        }
    }

    @Test
    void aFinishedRunIsReadBackFromTheDataFolderBitForBit(@TempDir Path data) throws InterruptedException {
        LabRun trained;
        try (Lab lab = new Lab(1, 4, Duration.ofMinutes(1), data)) {
            trained = awaitEnd(lab.start(tiny(5)));
        }
        try (Lab again = new Lab(1, 4, Duration.ofMinutes(1), data)) {
            LabRun read = again.find(tiny(5).id()).orElseThrow();
            assertEquals(LabRun.Status.DONE, read.status());
            TinyGpt before = trained.model().orElseThrow();
            TinyGpt after = read.model().orElseThrow();
            for (Tensor p : before.parameters()) {
                assertArrayEquals(p.values(), after.parameter(p.name()).values(), p.name());
            }
            assertEquals(trained.snapshots().size(), read.snapshots().size());
            Snapshot a = trained.snapshots().get(3);
            Snapshot b = read.snapshots().get(3);
            assertEquals(a.loss(), b.loss());
            assertEquals(a.curve(), b.curve(), "the loss curve is saved with the snapshot");
            assertTrue(!a.curve().isEmpty());
            assertArrayEquals(a.probe().layers().get(0).heads().get(0), b.probe().layers().get(0).heads().get(0));
            assertSame(read, again.start(tiny(5)), "asking for it again reuses the saved run");
        }
    }

    @Test
    void aCpuLimitEndsARunAsFailedWithTheReason() throws InterruptedException {
        try (Lab lab = new Lab(1, 4, Duration.ofMillis(200), null)) {
            LabRun run = awaitEnd(lab.start(long_(9)));
            assertEquals(LabRun.Status.FAILED, run.status());
            assertTrue(run.failure().orElseThrow().contains("CPU-time limit"), run.failure().orElseThrow());
            assertTrue(run.model().isEmpty());
        }
    }
}
