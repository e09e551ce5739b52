package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** reverse of 5 digits (context 10; 100,000 sequences, so the held-out set is kept apart), one layer of 2 heads, d_model 16, with the MLP. */
    private static final RunConfig SMALL = new RunConfig(Task.REVERSE, 5, 1, 2, 16, true, 300, 16, 0.01, 20, 0.01,
            7, 100);

    @Test
    void threeHundredStepsOfReverseBringTheLossFromLogElevenToUnderAHundredthOfIt() {
        List<Snapshot> snapshots = new ArrayList<>();
        Trainer trainer = new Trainer(SMALL);
        double before = trainer.model().loss(trainer.heldOut());
        TrainingResult result = trainer.run(snapshots::add);
        assertEquals(Math.log(11), before, 0.5);
        assertEquals(TrainingResult.Outcome.FINISHED, result.outcome());
        assertEquals(300, result.steps());
        assertEquals(List.of(100, 200, 300), snapshots.stream().map(Snapshot::step).toList());
        Snapshot last = snapshots.get(2);
        assertTrue(last.loss() < 0.025, "training loss " + last.loss());
        assertTrue(trainer.model().loss(trainer.heldOut()) < 0.025, "held-out loss");
        assertTrue(last.accuracy() > 0.95, "exact-sequence accuracy " + last.accuracy());
        assertEquals(trainer.accuracy(), last.accuracy());
        assertEquals(0.001, last.learningRate(), 1e-12, "the schedule ends at a tenth of lr");
        assertTrue(snapshots.get(0).loss() > last.loss());
        assertEquals(1, last.probe().layers().size());
        assertEquals(2, last.probe().layers().get(0).heads().size());
        assertArrayEquals(Task.REVERSE.probe(5).input(), last.probe().tokens());
        assertSame(last, result.last());
    }

    private static void assertSame(Snapshot expected, Snapshot actual) {
        assertTrue(expected == actual, "the result carries the last snapshot");
    }

    @Test
    void theSameConfigTrainsTheSameWeightsBitForBitAndAnotherSeedDoesNot() {
        RunConfig config = SMALL.withTraining(40, 8, 0.01);
        Trainer first = new Trainer(config);
        first.run(snapshot -> { });
        Trainer second = new Trainer(config);
        second.run(snapshot -> { });
        for (int p = 0; p < first.model().parameters().size(); p++) {
            Tensor a = first.model().parameters().get(p);
            Tensor b = second.model().parameters().get(p);
            assertArrayEquals(a.values(), b.values(), 0.0, a.name());   // 0.0: no tolerance at all
            assertEquals(fingerprint(List.of(a)), fingerprint(List.of(b)), a.name() + ", bit for bit");
        }
        Trainer other = new Trainer(config.withSeed(8));
        other.run(snapshot -> { });
        assertNotEquals(fingerprint(first.model().parameters()), fingerprint(other.model().parameters()));
    }

    /**
     * The weights after 40 steps, pinned: the same on every machine and every Java 17+ (StrictMath for
     * exp, log and cos, StrictTanh for tanh, bit for bit StrictMath's; sums in a fixed order). Any change to the model, its initialisation, the
     * tasks or the optimiser changes this, on purpose.
     */
    @Test
    void theWeightsAfterFortyStepsAreTheSameOnEveryMachine() {
        Trainer trainer = new Trainer(SMALL.withTraining(40, 8, 0.01));
        trainer.run(snapshot -> { });
        assertEquals("415048bcaa7f0b1a408f8ae0b8e60dad3ee38699dd4eb56a1e0aceaffe34b704", fingerprint(trainer.model().parameters()));
    }

    @Test
    void cancelStopsBetweenStepsAndReportsTheLastStep() {
        Trainer trainer = new Trainer(SMALL.withTraining(20, 16, 0.01).withSnapshotEvery(1000));
        List<Snapshot> snapshots = new ArrayList<>();
        TrainingResult result = trainer.run(snapshot -> snapshots.add(snapshot));
        assertEquals(TrainingResult.Outcome.FINISHED, result.outcome());
        assertEquals(1, snapshots.size(), "only after the last step when snapshot_every exceeds steps");

        Trainer cancelled = new Trainer(SMALL.withSnapshotEvery(5));
        List<Snapshot> seen = new ArrayList<>();
        TrainingResult stopped = cancelled.run(snapshot -> {
            seen.add(snapshot);
            if (snapshot.step() == 10) {
                cancelled.cancel();
            }
        });
        assertEquals(TrainingResult.Outcome.CANCELLED, stopped.outcome());
        assertEquals(10, stopped.steps());
        assertEquals(10, stopped.last().step());
        assertEquals(2, seen.size());
    }

    @Test
    void aCpuTimeCapStopsTheRunEarly() {
        Trainer trainer = new Trainer(SMALL.withTraining(20_000, 16, 0.01), Duration.ofMillis(200));
        TrainingResult result = trainer.run(snapshot -> { });
        assertEquals(TrainingResult.Outcome.CPU_LIMIT, result.outcome());
        assertTrue(result.steps() > 0 && result.steps() < 20_000, "steps " + result.steps());
        assertEquals(result.steps(), result.last().step());
        assertFalse(Double.isNaN(result.last().loss()));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> trainer.run(snapshot -> { }));
        assertEquals("this trainer has already run: make a new Trainer for another run", again.getMessage());
    }

    /** copy of 2 digits has only 100 sequences: the 512 held-out draws cover them all, and training must not wait for an unseen one. */
    @Test
    void tasksWithTooFewSequencesToKeepSomeApartStillTrain() {
        RunConfig tiny = new RunConfig(Task.COPY, 2, 1, 1, 8, false, 5, 4, 0.01, 0, 0.0, 1, 5);
        TrainingResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new Trainer(tiny).run(s -> { }));
        assertEquals(TrainingResult.Outcome.FINISHED, result.outcome());
        assertEquals(5, result.steps());
    }

    static String fingerprint(List<Tensor> tensors) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Tensor tensor : tensors) {
                ByteBuffer bytes = ByteBuffer.allocate(8 * tensor.size());
                for (double value : tensor.values()) {
                    bytes.putLong(Double.doubleToRawLongBits(value));
                }
                sha.update(bytes.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
