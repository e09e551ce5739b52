package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The default induction run's loss, recorded every few steps: fine enough to show the plateau before
 * the induction head forms, which the snapshots every 100 steps cannot (the plateau is about 100 steps long).
 */
class InductionCurveTest {

    private static List<Snapshot> firstSixHundred;

    /** The first 600 steps of the default run (the rest only polishes it); the trainer is deterministic. */
    static synchronized List<Snapshot> firstSixHundredSteps() {
        if (firstSixHundred != null) {
            return firstSixHundred;
        }
        Trainer trainer = new Trainer(RunConfig.defaults(Task.INDUCTION));
        List<Snapshot> snapshots = new ArrayList<>();
        trainer.run(snapshot -> {
            snapshots.add(snapshot);
            if (snapshot.step() >= 600) {
                trainer.cancel();
            }
        });
        firstSixHundred = List.copyOf(snapshots);
        return firstSixHundred;
    }

    @Test
    void eachSnapshotCarriesTheLossEveryTenStepsAndItsMeanIsTheSnapshotsLoss() {
        List<Snapshot> snapshots = firstSixHundredSteps();
        assertEquals(List.of(100, 200, 300, 400, 500, 600), snapshots.stream().map(Snapshot::step).toList());
        List<Integer> steps = snapshots.stream().flatMap(s -> s.curve().stream()).map(Snapshot.LossPoint::step).toList();
        assertEquals(IntStream.rangeClosed(1, 60).map(i -> 10 * i).boxed().toList(), steps);
        for (Snapshot s : snapshots) {
            double mean = s.curve().stream().mapToDouble(Snapshot.LossPoint::loss).average().orElseThrow();
            assertEquals(s.loss(), mean, 1e-12, "the curve's points average to the snapshot's loss at step " + s.step());
        }
    }

    @Test
    void theCurveShowsASlowStretchBeforeTheSteepestFall() {
        double[] loss = firstSixHundredSteps().stream().flatMap(s -> s.curve().stream())
                .mapToDouble(Snapshot.LossPoint::loss).toArray();          // loss[i]: the 10 steps up to 10(i+1)
        int steepest = 0;
        for (int i = 0; i + 5 < loss.length; i++) {
            if (loss[i] - loss[i + 5] > loss[steepest] - loss[steepest + 5]) {
                steepest = i;
            }
        }
        double dropPerStep = (loss[steepest] - loss[steepest + 5]) / 50;
        int startStep = 10 * (steepest + 1);
        assertTrue(startStep >= 300 && startStep <= 400, "the steepest 50 steps start at step " + startStep);
        double slowest = Double.MAX_VALUE;
        for (int j = 5; j + 10 <= steepest; j++) {                    // 100-step stretches after the first 50 steps
            slowest = Math.min(slowest, (loss[j] - loss[j + 10]) / 100);
        }
        assertTrue(slowest <= dropPerStep / 3, "before the drop (" + dropPerStep + " a step) the loss falls at "
                + slowest + " a step over 100 steps: at most a third as fast");
    }
}
