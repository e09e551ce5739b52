package attentionbook.model;

import java.util.Arrays;

/**
 * One learned parameter of the model, named as in a PyTorch state_dict ("layers.0.attn.wq"), with
 * its values and the gradient the backward pass adds into. Stored row-major in a plain double[]:
 * a matrix [rows×cols] keeps cell (r, c) at r·cols + c; a vector [n] has rows = 1 and is reported as [n].
 * Weight matrices follow the book's row-vector convention, [in×out], so y = x·W (PyTorch's Linear
 * stores the transpose, [out×in]).
 */
public final class Tensor {

    private final String name;
    private final int[] shape;
    final double[] value;     // the parameter itself, updated by the optimiser
    final double[] grad;      // ∂loss/∂value, summed over a batch by the backward pass

    Tensor(String name, int... shape) {
        this.name = name;
        this.shape = shape.clone();
        int size = 1;
        for (int n : shape) {
            size = Math.multiplyExact(size, n);
        }
        this.value = new double[size];
        this.grad = new double[size];
    }

    /** The state_dict name, e.g. "layers.0.attn.wq". */
    public String name() {
        return name;
    }

    /** [rows, cols] for a matrix, [n] for a vector. */
    public int[] shape() {
        return shape.clone();
    }

    /** "32×32" or "32". */
    public String shapeText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return text.toString();
    }

    /** The number of values. */
    public int size() {
        return value.length;
    }

    /** A copy of the values, row-major. */
    public double[] values() {
        return value.clone();
    }

    /** A copy of the gradient from the last backward pass, row-major. */
    public double[] gradient() {
        return grad.clone();
    }

    /** A copy of the matrix as rows; a vector gives one row. */
    public double[][] rows() {
        int cols = shape[shape.length - 1];
        double[][] rows = new double[value.length / cols][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(value, r * cols, (r + 1) * cols);
        }
        return rows;
    }

    void zeroGrad() {
        Arrays.fill(grad, 0.0);
    }
}
