package attentionbook.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A decoder-only transformer small enough to read in one sitting:
 * <pre>
 *   x₀ = tok_emb[tokens] + pos_emb[0 … T−1]          [T×d]
 *   x_{l+1} = block_l(x_l)   (pre-norm, residual)    [T×d]
 *   logits = norm_f(x_L)·unembed                     [T×d]·[d×V] = [T×V]
 *   loss = mean over scored positions of −log softmax(logits_t)[target_t]
 * </pre>
 * One instance is used by one thread at a time: every layer keeps its activations for the backward
 * pass in buffers sized for the context. Initialisation follows PyTorch's defaults, drawn from a
 * SplittableRandom: embeddings uniform with standard deviation 1, norm gains 1, every weight matrix
 * uniform in ±1/√(rows) (its fan-in).
 */
public final class TinyGpt {

    private final ModelShape shape;
    private final Tensor tokEmb;       // [V×d]
    private final Tensor posEmb;       // [C×d]
    private final List<Block> blocks;
    private final RmsNorm normF;
    private final Tensor unembed;      // [d×V]
    private final List<Tensor> parameters;

    private final MatMul products = new MatMul();
    private final Rows rows = new Rows();  // how the batch's sequences are stacked
    private int[] tokens = new int[0];     // every row's input token   [rows]
    private int[] positions = new int[0];  // every row's position in its sequence   [rows]
    private int[] targets = new int[0];    // every row's target   [rows]
    private double[] x0 = new double[0];           // the embedded input   [rows×d]
    private double[] logits = new double[0];       // [rows×V], softmax-ed in place into probabilities by the loss
    private double[] dStream = new double[0];      // backward scratch: ∂loss/∂ the residual stream   [rows×d]
    private double[] dStreamNext = new double[0];
    private double[] dNormed = new double[0];      // [rows×d]

    public TinyGpt(ModelShape shape, long seed) {
        this.shape = shape;
        int d = shape.dModel();
        this.tokEmb = new Tensor("tok_emb", shape.vocabulary(), d);
        this.posEmb = new Tensor("pos_emb", shape.context(), d);
        List<Block> layers = new ArrayList<>();
        for (int l = 0; l < shape.layers(); l++) {
            layers.add(new Block(l, d, shape.heads(), shape.mlp(), products));
        }
        this.blocks = List.copyOf(layers);
        this.normF = new RmsNorm("norm_f", d);
        this.unembed = new Tensor("unembed", d, shape.vocabulary());
        List<Tensor> all = new ArrayList<>(List.of(tokEmb, posEmb));
        blocks.forEach(block -> all.addAll(block.parameters()));
        all.add(normF.weight);
        all.add(unembed);
        this.parameters = List.copyOf(all);
        initialise(new SplittableRandom(seed));
    }

    private void initialise(SplittableRandom random) {
        for (Tensor p : parameters) {
            if (p == tokEmb || p == posEmb) {
                fillUniform(p, Math.sqrt(3.0), random);              // U(−√3, √3) has variance 1
            } else if (p.shape().length == 2) {
                fillUniform(p, 1.0 / Math.sqrt(p.shape()[0]), random); // ±1/√fan_in
            }                                                          // norm gains stay 1
        }
    }

    private static void fillUniform(Tensor p, double bound, SplittableRandom random) {
        for (int i = 0; i < p.value.length; i++) {
            p.value[i] = (2.0 * random.nextDouble() - 1.0) * bound;
        }
    }

    public ModelShape shape() {
        return shape;
    }

    /** Every parameter in state_dict order: tok_emb, pos_emb, layers.0.…, …, norm_f.weight, unembed. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** The parameter with this state_dict name; IllegalArgumentException naming it when there is none. */
    public Tensor parameter(String name) {
        for (Tensor p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter named \"" + name + "\"");
    }

    /** Stacks the sequences' rows (their tokens, positions and targets) for one forward pass. */
    private void stack(List<int[]> inputs, List<int[]> targetLists) {
        rows.clear();
        for (int[] input : inputs) {
            rows.add(input.length);
        }
        int total = rows.total();
        if (tokens.length < total) {
            tokens = new int[total];
            positions = new int[total];
            targets = new int[total];
        }
        for (int s = 0; s < inputs.size(); s++) {
            int first = rows.start(s);
            int[] input = inputs.get(s);
            System.arraycopy(input, 0, tokens, first, input.length);
            if (targetLists != null) {
                System.arraycopy(targetLists.get(s), 0, targets, first, input.length);
            }
            for (int t = 0; t < input.length; t++) {
                positions[first + t] = t;
            }
        }
        int d = shape.dModel();
        int size = total * d;
        x0 = MatMul.atLeast(x0, size);
        logits = MatMul.atLeast(logits, total * shape.vocabulary());
        dStream = MatMul.atLeast(dStream, size);
        dStreamNext = MatMul.atLeast(dStreamNext, size);
        dNormed = MatMul.atLeast(dNormed, size);
    }

    /** Forward pass over the stacked rows: fills their logits.   [rows] → [rows×V] */
    private void forward() {
        int d = shape.dModel();
        int total = rows.total();
        for (int r = 0; r < total; r++) {
            for (int c = 0; c < d; c++) {
                x0[r * d + c] = tokEmb.value[tokens[r] * d + c] + posEmb.value[positions[r] * d + c]; // x₀ = tok + pos
            }
        }
        double[] x = x0;
        for (Block block : blocks) {
            x = block.forward(x, rows);                                                 // x_{l+1} = block_l(x_l)
        }
        double[] normed = normF.forward(x, total);                                      // norm_f(x_L)   [T×d]
        products.forward(normed, total, d, unembed.value, shape.vocabulary(), logits);  // [T×d]·[d×V]
    }

    /**
     * The summed cross-entropy over the scored positions of the batch (target ≥ 0), sequence by sequence,
     * with the probabilities left in the logits buffer for the backward pass.
     */
    private double forwardLoss(List<Example> batch) {
        List<int[]> inputs = new ArrayList<>(batch.size());
        List<int[]> targetLists = new ArrayList<>(batch.size());
        for (Example example : batch) {
            check(example);
            inputs.add(example.input());
            targetLists.add(example.target());
        }
        stack(inputs, targetLists);
        forward();
        double total = 0.0;
        for (int s = 0; s < rows.sequences(); s++) {    // each sequence's sum, then the batch's: a fixed order
            int first = rows.start(s);
            total += CrossEntropy.softmaxInPlaceAndLoss(logits, first, first + rows.length(s), shape.vocabulary(), targets);
        }
        return total;
    }

    /** Backward pass over the stacked rows: every gradient += ∂(scale · summed loss)/∂parameter. */
    private void backward(double scale) {
        int total = rows.total();
        int d = shape.dModel();
        int size = total * d;
        CrossEntropy.gradientInPlace(logits, total, shape.vocabulary(), targets, scale); // dlogits = (p − onehot)·scale
        double[] normed = normF.out;
        products.addWeightGrad(normed, total, d, logits, shape.vocabulary(), unembed.grad); // dU += normedᵀ·dlogits
        Arrays.fill(dNormed, 0, size, 0.0);
        products.addInputGrad(logits, total, shape.vocabulary(), unembed.value, d, dNormed); // dnormed = dlogits·Uᵀ
        Arrays.fill(dStream, 0, size, 0.0);
        normF.backward(dNormed, dStream, total);                                        // dx_L   [T×d]
        double[] dOut = dStream;
        double[] dIn = dStreamNext;
        for (int l = blocks.size() - 1; l >= 0; l--) {
            Arrays.fill(dIn, 0, size, 0.0);
            blocks.get(l).backward(dOut, dIn, rows);                                    // dx_l from dx_{l+1}
            double[] swap = dOut;
            dOut = dIn;
            dIn = swap;
        }
        for (int r = 0; r < total; r++) {
            for (int c = 0; c < d; c++) {
                tokEmb.grad[tokens[r] * d + c] += dOut[r * d + c];                      // dtok_emb[token_t] += dx₀_t
                posEmb.grad[positions[r] * d + c] += dOut[r * d + c];                   // dpos_emb[t] += dx₀_t
            }
        }
    }

    /**
     * Zeroes every gradient, then runs forward and backward over the whole batch at once and returns the
     * mean loss per scored position; each gradient is then ∂(mean loss)/∂parameter.
     */
    public double lossAndGradient(List<Example> batch) {
        parameters.forEach(Tensor::zeroGrad);
        double scale = 1.0 / countScored(batch);
        double total = forwardLoss(batch);
        backward(scale);
        return total * scale;
    }

    /** The mean loss per scored position over the batch, without gradients. */
    public double loss(List<Example> batch) {
        return forwardLoss(batch) / countScored(batch);
    }

    /** The most likely next token at every position (ties go to the lower token).   [T] → [T] */
    public int[] predict(int[] tokens) {
        check(tokens);
        stack(List.of(tokens), null);
        forward();
        return CrossEntropy.argmaxRows(logits, tokens.length, shape.vocabulary());
    }

    /** Predictions, every head's attention and each attention's normalised input, for one sequence. */
    public Inspection inspect(int[] tokens) {
        int[] predictions = predict(tokens);
        List<Inspection.Layer> layers = new ArrayList<>();
        for (Block block : blocks) {
            List<double[][]> heads = new ArrayList<>();
            for (int h = 0; h < shape.heads(); h++) {
                heads.add(block.attn.headWeights(h, tokens.length));
            }
            double[][] input = new double[tokens.length][];
            for (int t = 0; t < tokens.length; t++) {
                input[t] = Arrays.copyOfRange(block.attentionInput(), t * shape.dModel(), (t + 1) * shape.dModel());
            }
            layers.add(new Inspection.Layer(input, heads));
        }
        return new Inspection(tokens.clone(), predictions, layers);
    }

    private static int countScored(List<Example> batch) {
        int count = 0;
        for (Example example : batch) {
            count += example.scoredCount();
        }
        if (count == 0) {
            throw new IllegalArgumentException("the batch has no scored positions: nothing to learn from");
        }
        return count;
    }

    private void check(Example example) {
        check(example.input());
        int[] target = example.target();
        for (int t = 0; t < target.length; t++) {
            if (target[t] != Example.IGNORED && (target[t] < 0 || target[t] >= shape.vocabulary())) {
                throw new IllegalArgumentException("target " + target[t] + " at position " + t
                        + " is outside the vocabulary 0–" + (shape.vocabulary() - 1));
            }
        }
    }

    private void check(int[] tokens) {
        if (tokens == null || tokens.length == 0 || tokens.length > shape.context()) {
            throw new IllegalArgumentException("a sequence needs 1 to " + shape.context() + " tokens (the context), got "
                    + (tokens == null ? "none" : tokens.length));
        }
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t] < 0 || tokens[t] >= shape.vocabulary()) {
                throw new IllegalArgumentException("token " + tokens[t] + " at position " + t
                        + " is outside the vocabulary 0–" + (shape.vocabulary() - 1));
            }
        }
    }
}
