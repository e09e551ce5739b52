package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RunConfigTest {

    private static final RunConfig COPY = RunConfig.defaults(Task.COPY);

    private static RunConfig with(Task task, int length, int layers, int heads, int dModel, int steps, int batch,
                                  double lr, int warmup, double weightDecay, long seed, int snapshotEvery) {
        return new RunConfig(task, length, layers, heads, dModel, true, steps, batch, lr, warmup, weightDecay, seed,
                snapshotEvery);
    }

    private static void refused(String field, String message, Executable build) {
        ConfigException e = assertThrows(ConfigException.class, build);
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyFieldOutsideItsLimitIsRefusedNamingTheFieldAndTheLimit() {
        refused("task", "task is missing: use one of copy, reverse, sort, previous-token, induction",
                () -> with(null, 8, 1, 2, 32, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("length", "length must be from 2 to 16 for the copy task, got 17",
                () -> with(Task.COPY, 17, 1, 2, 32, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("length", "length must be from 8 to 32 for the induction task, got 33",
                () -> with(Task.INDUCTION, 33, 1, 2, 32, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("layers", "layers must be from 1 to 2, got 3",
                () -> with(Task.COPY, 8, 3, 2, 32, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("layers", "layers must be from 1 to 2, got 0",
                () -> with(Task.COPY, 8, 0, 2, 32, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("heads", "heads must be from 1 to 4, got 5",
                () -> with(Task.COPY, 8, 1, 5, 40, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("heads", "heads must divide d_model: 3 does not divide 32",
                () -> with(Task.COPY, 8, 1, 3, 32, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("d_model", "d_model must be from 8 to 64, got 65",
                () -> with(Task.COPY, 8, 1, 1, 65, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("d_model", "d_model must be from 8 to 64, got 4",
                () -> with(Task.COPY, 8, 1, 1, 4, 100, 32, 0.003, 10, 0.01, 1, 10));
        refused("steps", "steps must be from 1 to 20000, got 20001",
                () -> with(Task.COPY, 8, 1, 2, 32, 20_001, 32, 0.003, 10, 0.01, 1, 10));
        refused("batch", "batch must be from 1 to 64, got 65",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 65, 0.003, 10, 0.01, 1, 10));
        refused("lr", "lr must be above 0 and at most 0.1, got 0.0",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 32, 0.0, 10, 0.01, 1, 10));
        refused("lr", "lr must be above 0 and at most 0.1, got NaN",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 32, Double.NaN, 10, 0.01, 1, 10));
        refused("warmup", "warmup must be from 0 to 100 (the number of steps), got 101",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 32, 0.003, 101, 0.01, 1, 10));
        refused("weight_decay", "weight_decay must be from 0 to 1, got -0.5",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 32, 0.003, 10, -0.5, 1, 10));
        refused("seed", "seed must be from 0 to 2147483647, got -1",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 32, 0.003, 10, 0.01, -1, 10));
        refused("snapshot_every", "snapshot_every must be from 1 to 20000, got 0",
                () -> with(Task.COPY, 8, 1, 2, 32, 100, 32, 0.003, 10, 0.01, 1, 0));
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        RunConfig largest = with(Task.PREVIOUS_TOKEN, 32, 2, 4, 64, 20_000, 64, 0.1, 20_000, 1, Integer.MAX_VALUE, 20_000);
        assertEquals(32, largest.context());
        RunConfig smallest = with(Task.COPY, 2, 1, 1, 8, 1, 1, 1e-9, 0, 0, 0, 1);
        assertEquals(4, smallest.context());
        assertEquals(new ModelShape(11, 4, 1, 1, 8, true), smallest.shape());
    }

    @Test
    void everyTasksDefaultsAreWithinTheLimits() {
        for (Task task : Task.values()) {
            RunConfig config = RunConfig.defaults(task);
            assertEquals(task, config.task());
            assertTrue(config.context() <= RunConfig.MAX_CONTEXT);
        }
    }

    @Test
    void theCanonicalFormNamesEveryFieldInAFixedOrderAndTheIdIsItsSha256() {
        RunConfig config = with(Task.REVERSE, 6, 2, 4, 16, 300, 16, 0.003, 20, 0.01, 7, 50);
        assertEquals("task=reverse;length=6;layers=2;heads=4;d_model=16;mlp=true;steps=300;batch=16;lr=0.003;"
                + "warmup=20;weight_decay=0.01;seed=7;snapshot_every=50", config.canonical());
        // printf 'task=reverse;…' | sha256sum
        assertEquals("56cdc090f37d1b220dbb9e2a0e32a47c3b58a178df6528002ed2ca51fda03f03", config.id());
        assertNotEquals(config.id(), config.withSeed(8).id());
        assertEquals(config.id(), with(Task.REVERSE, 6, 2, 4, 16, 300, 16, 0.003, 20, 0.01, 7, 50).id());
    }

    @Test
    void doublesAreWrittenAsTheShortestDecimalThatReadsBack() {
        assertEquals("0.003", RunConfig.shortest(0.003));
        assertEquals("0.1", RunConfig.shortest(0.1));
        assertEquals("0", RunConfig.shortest(0.0));
        assertEquals("1", RunConfig.shortest(1.0));
        assertEquals("0.30000000000000004", RunConfig.shortest(0.1 + 0.2));
        assertEquals("0.000000001", RunConfig.shortest(1e-9));
        assertEquals(2e-3, Double.parseDouble(RunConfig.shortest(2e-3)));
    }

    @Test
    void withersKeepTheOtherFields() {
        RunConfig changed = COPY.withTraining(50, 8, 0.01);
        assertEquals(50, changed.steps());
        assertEquals(8, changed.batch());
        assertEquals(Math.min(COPY.warmup(), 50), changed.warmup());
        assertEquals(COPY.dModel(), changed.dModel());
        assertEquals(5, COPY.withLength(5).length());
        assertEquals(16, COPY.withModel(2, 4, 16, false).dModel());
        assertEquals(3, COPY.withSnapshotEvery(3).snapshotEvery());
    }
}
