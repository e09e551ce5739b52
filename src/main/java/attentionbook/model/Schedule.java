package attentionbook.model;

/**
 * The learning rate at each step (counted from 1): a linear warm-up from lr/warmup to lr over the
 * first {@code warmup} steps, then a cosine decay from lr down to lr/10 at the last step:
 * <pre>
 *   step ≤ warmup:  lr · step / warmup
 *   after:          lr/10 + (lr − lr/10) · ½·(1 + cos(π · p)),   p = (step − warmup)/(steps − warmup) ∈ (0, 1]
 * </pre>
 * cos is StrictMath's, so the schedule is the same on every machine.
 */
public final class Schedule {

    static final double FLOOR = 0.1;

    private final double peak;
    private final int warmup;
    private final int steps;

    public Schedule(double peak, int warmup, int steps) {
        this.peak = peak;
        this.warmup = warmup;
        this.steps = steps;
    }

    /** The learning rate for step (1 … steps). */
    public double at(int step) {
        if (step <= warmup) {
            return peak * step / warmup;
        }
        double progress = (double) (step - warmup) / (steps - warmup);
        double floor = peak * FLOOR;
        return floor + (peak - floor) * 0.5 * (1.0 + StrictMath.cos(Math.PI * progress));
    }
}
