package attentionbook.model;

/** How a run ended, how many steps it took, its CPU time, and its last snapshot. */
public record TrainingResult(Outcome outcome, int steps, double cpuSeconds, Snapshot last) {

    public enum Outcome {
        /** every configured step ran */
        FINISHED,
        /** {@link Trainer#cancel()} was called */
        CANCELLED,
        /** the CPU-time cap was reached */
        CPU_LIMIT,
        /** the loss stopped being a finite number (the learning rate is too high) */
        DIVERGED
    }
}
