package attentionbook.model;

import java.util.List;

/**
 * What the model does with one input sequence: its prediction at each position (the most likely next
 * token) and, for every layer, the normalised input X its attention saw [T×d] and each head's
 * attention weights A_h [T×T] (row i: how much token i attends to each token j ≤ i).
 */
public record Inspection(int[] tokens, int[] predictions, List<Layer> layers) {

    /** One layer: the attention's input X (after norm1) and each head's weights. */
    public record Layer(double[][] attentionInput, List<double[][]> heads) {
    }
}
