package attentionbook.model;

/**
 * The state of a run after a step: the mean training loss per scored token over the steps since the
 * last snapshot, the accuracy on the held-out sequences (the task's own measure, from 0 to 1), the
 * learning rate of this step, and what the model does with the task's fixed probe sequence (its
 * predictions and every layer's and head's attention weights).
 */
public record Snapshot(int step, int steps, double loss, double accuracy, double learningRate, Inspection probe) {
}
