package attentionbook.attention;

/**
 * Thrown when a step of attention would hold NaN or ±Infinity (other than the causal mask's
 * deliberate −∞), for instance "the scores overflow: q₂·k₁ is too large for a double (inputs too large)".
 * It carries the step so that callers can point at it.
 */
public class NonFiniteResultException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final Step step;

    public NonFiniteResultException(Step step, String message) {
        super(message);
        this.step = step;
    }

    /** The step whose result is not finite. */
    public Step step() {
        return step;
    }

    /** The step's name as used in the JSON API, e.g. "scores". */
    public String stepKey() {
        return step.key();
    }
}
