package attentionbook.attention;

/**
 * Thrown when matrices of the wrong shapes meet. The message names the shapes involved
 * (for example "cannot multiply 6×3 by 4×2: the left has 3 columns but the right has 4 rows")
 * so that a learner can see at once which dimension disagrees.
 */
public class ShapeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
