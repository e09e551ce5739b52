package attentionbook.model;

import java.util.List;

/**
 * The state of a run after a step: the mean training loss per scored token over the steps since the
 * last snapshot, the accuracy on the held-out sequences (the task's own measure, from 0 to 1), the
 * learning rate of this step, and what the model does with the task's fixed probe sequence (its
 * predictions and every layer's and head's attention weights).
 *
 * <p>curve: the training loss on a finer grid than the snapshots, every {@link #LOSS_EVERY} steps
 * since the last snapshot (the mean over those steps, ending at this snapshot). A loss plateau can be
 * shorter than the gap between snapshots, and recording the loss costs nothing, unlike the probe and the
 * held-out accuracy.
 */
public record Snapshot(int step, int steps, double loss, double accuracy, double learningRate, Inspection probe,
                       List<LossPoint> curve) {

    /** The training loss is recorded every so many steps (and at every snapshot). */
    public static final int LOSS_EVERY = 10;

    public Snapshot {
        curve = List.copyOf(curve);
    }

    /** The mean training loss per scored token over the steps that end at this step. */
    public record LossPoint(int step, double loss) {
    }
}
