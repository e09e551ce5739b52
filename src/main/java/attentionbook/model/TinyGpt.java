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

    private final double[] x0;         // the embedded input   [T×d]
    private final double[] logits;     // [T×V], softmax-ed in place into probabilities by the loss
    private final double[] dStream;    // backward scratch: ∂loss/∂ the residual stream   [T×d]
    private final double[] dStreamNext;
    private final double[] dNormed;    // [T×d]

    public TinyGpt(ModelShape shape, long seed) {
        this.shape = shape;
        int d = shape.dModel();
        int c = shape.context();
        this.tokEmb = new Tensor("tok_emb", shape.vocabulary(), d);
        this.posEmb = new Tensor("pos_emb", c, d);
        List<Block> layers = new ArrayList<>();
        for (int l = 0; l < shape.layers(); l++) {
            layers.add(new Block(l, d, shape.heads(), shape.mlp(), c));
        }
        this.blocks = List.copyOf(layers);
        this.normF = new RmsNorm("norm_f", d, c);
        this.unembed = new Tensor("unembed", d, shape.vocabulary());
        List<Tensor> all = new ArrayList<>(List.of(tokEmb, posEmb));
        blocks.forEach(block -> all.addAll(block.parameters()));
        all.add(normF.weight);
        all.add(unembed);
        this.parameters = List.copyOf(all);
        this.x0 = new double[c * d];
        this.logits = new double[c * shape.vocabulary()];
        this.dStream = new double[c * d];
        this.dStreamNext = new double[c * d];
        this.dNormed = new double[c * d];
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

    /** Forward pass: fills the logits of tokens.length positions.   [T] → [T×V] */
    private void forward(int[] tokens) {
        int d = shape.dModel();
        int tokensCount = tokens.length;
        for (int t = 0; t < tokensCount; t++) {
            for (int c = 0; c < d; c++) {
                x0[t * d + c] = tokEmb.value[tokens[t] * d + c] + posEmb.value[t * d + c]; // x₀ = tok + pos
            }
        }
        double[] x = x0;
        for (Block block : blocks) {
            x = block.forward(x, tokensCount);                                           // x_{l+1} = block_l(x_l)
        }
        double[] normed = normF.forward(x, tokensCount);                                 // norm_f(x_L)   [T×d]
        MatMul.forward(normed, tokensCount, d, unembed.value, shape.vocabulary(), logits); // [T×d]·[d×V]
    }

    /**
     * The summed cross-entropy over the scored positions of one sequence (target ≥ 0), with the
     * probabilities left in the logits buffer for the backward pass.
     */
    private double forwardLoss(int[] input, int[] target) {
        forward(input);
        return CrossEntropy.softmaxInPlaceAndLoss(logits, input.length, shape.vocabulary(), target);
    }

    /** Backward pass for one sequence: every gradient += ∂(scale · summed loss)/∂parameter. */
    private void backward(int[] input, int[] target, double scale) {
        int tokens = input.length;
        int d = shape.dModel();
        int size = tokens * d;
        CrossEntropy.gradientInPlace(logits, tokens, shape.vocabulary(), target, scale); // dlogits = (p − onehot)·scale
        double[] normed = normF.out;
        MatMul.addWeightGrad(normed, tokens, d, logits, shape.vocabulary(), unembed.grad); // dU += normedᵀ·dlogits
        Arrays.fill(dNormed, 0, size, 0.0);
        MatMul.addInputGrad(logits, tokens, shape.vocabulary(), unembed.value, d, dNormed); // dnormed = dlogits·Uᵀ
        Arrays.fill(dStream, 0, size, 0.0);
        normF.backward(dNormed, dStream, tokens);                                        // dx_L   [T×d]
        double[] dOut = dStream;
        double[] dIn = dStreamNext;
        for (int l = blocks.size() - 1; l >= 0; l--) {
            Arrays.fill(dIn, 0, size, 0.0);
            blocks.get(l).backward(dOut, dIn, tokens);                                   // dx_l from dx_{l+1}
            double[] swap = dOut;
            dOut = dIn;
            dIn = swap;
        }
        for (int t = 0; t < tokens; t++) {
            for (int c = 0; c < d; c++) {
                tokEmb.grad[input[t] * d + c] += dOut[t * d + c];                        // dtok_emb[token_t] += dx₀_t
                posEmb.grad[t * d + c] += dOut[t * d + c];                               // dpos_emb[t] += dx₀_t
            }
        }
    }

    /**
     * Zeroes every gradient, then runs forward and backward over the batch in order and returns the
     * mean loss per scored position; each gradient is then ∂(mean loss)/∂parameter.
     */
    public double lossAndGradient(List<Example> batch) {
        parameters.forEach(Tensor::zeroGrad);
        double scale = 1.0 / countScored(batch);
        double total = 0.0;
        for (Example example : batch) {
            check(example);
            total += forwardLoss(example.input(), example.target());
            backward(example.input(), example.target(), scale);
        }
        return total * scale;
    }

    /** The mean loss per scored position over the batch, without gradients. */
    public double loss(List<Example> batch) {
        double total = 0.0;
        for (Example example : batch) {
            check(example);
            total += forwardLoss(example.input(), example.target());
        }
        return total / countScored(batch);
    }

    /** The most likely next token at every position (ties go to the lower token).   [T] → [T] */
    public int[] predict(int[] tokens) {
        check(tokens);
        forward(tokens);
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
