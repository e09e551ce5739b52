package attentionbook.exercise;

import attentionbook.attention.Costs;

import java.util.ArrayList;
import java.util.List;

/** Multi-head attention: how many parameters the attention projections of a model hold. */
final class ParameterCount extends AbstractExerciseKind {
    /** {d_model, heads, layers}: GPT-2 medium, large and XL (GPT-2 small has 12 heads in 12 layers: ambiguous). */
    private static final int[][] REAL = {{1024, 16, 24}, {1280, 20, 36}, {1600, 25, 48}};

    ParameterCount() {
        super("parameter-count", "Counting attention parameters", "Multi-head attention",
                Option.words("size", "small: d_model up to 64, pen-and-paper sized; real: the sizes of GPT-2", "small",
                        "small", "real"));
    }

    @Override
    boolean sizesOnly() {
        return true;
    }

    @Override
    List<String> required(Settings settings) {
        return List.of("more-heads", "forgot-wo");
    }

    @Override
    Exercise build(Draw draw, long seed, Settings settings) {
        int dModel;
        int heads;
        int layers;
        if (settings.word("size").equals("real")) {
            int[] size = draw.pick(List.of(REAL));
            dModel = size[0];
            heads = size[1];
            layers = size[2];
        } else {
            do {    // heads ≠ layers, or multiplying by the wrong one would pass
                dModel = draw.pick(List.of(8, 16, 32, 64));
                int width = dModel;
                heads = draw.pick(List.of(2, 4, 8).stream().filter(h -> h < width).toList());
                layers = draw.between(1, 3);
            } while (!Draw.distinct(dModel, heads, layers));
        }
        boolean biases = draw.coin();
        long weights = Costs.attentionWeightsPerLayer(dModel);
        long biasCount = Costs.attentionBiasesPerLayer(dModel);
        long perLayer = Costs.attentionParametersPerLayer(dModel, biases);
        long total = Costs.attentionParameters(dModel, layers, biases);

        List<String> prompt = List.of(
                "A model has " + layers + (layers == 1 ? " layer" : " layers") + ", d_model = " + dModel + " and h = " + heads
                        + " heads. Each attention layer has the projections Wq, Wk, Wv and Wo, "
                        + (biases ? "each with a bias vector." : "without biases."),
                "How many parameters do the attention projections of the whole model hold?");
        AnswerForm form = new AnswerForm("the parameter count", 1, 1, List.of("parameters"), List.of("parameters"),
                Rounding.exact(0), false);

        String one = "Each of Wq, Wk, Wv and Wo is d_model × d_model = " + dModel + "×" + dModel + ": "
                + Numbers.count(weights / Costs.PROJECTIONS) + " weights, so 4 × " + Numbers.count(weights / Costs.PROJECTIONS)
                + " = " + Numbers.count(weights) + " per layer, whatever the number of heads.";
        String bias = biases ? "Biases: one per output column of each projection, 4 × " + dModel + " = " + Numbers.count(biasCount)
                + ", so " + Numbers.count(perLayer) + " per layer." : "No biases, so " + Numbers.count(perLayer) + " per layer.";
        String all = layers + " × " + Numbers.count(perLayer) + " = " + Numbers.count(total) + ".";
        List<WorkStep> hints = List.of(
                WorkStep.of("Each of Wq, Wk, Wv and Wo is d_model × d_model, whatever the number of heads."),
                WorkStep.of(biases ? "A bias adds one number for each output column of each projection."
                        : "There are no biases: count the weights only. Then count every layer."));
        List<WorkStep> solution = List.of(WorkStep.of("Count one layer, then multiply by the layers:", one, bias, all));

        List<Mistake> mistakes = new ArrayList<>();
        mistakes.add(new Mistake("more-heads", "You multiplied by the number of heads. Splitting into heads only"
                + " splits the columns of Wq, Wk and Wv: the matrices stay d_model × d_model however many heads there are.",
                Grids.number((double) total * heads)));
        long withoutWo = (weights - weights / Costs.PROJECTIONS + (biases ? biasCount - biasCount / Costs.PROJECTIONS : 0)) * layers;
        mistakes.add(new Mistake("forgot-wo", "You left out Wo, the output projection that mixes the heads. There"
                + " are four projections per layer.", Grids.number(withoutWo)));
        if (biases) {
            mistakes.add(new Mistake("forgot-biases", "You left out the biases: each projection also has "
                    + dModel + " of them.", Grids.number(Costs.attentionParameters(dModel, layers, false))));
        } else {
            mistakes.add(new Mistake("added-biases", "You counted biases, but these projections have none.",
                    Grids.number(Costs.attentionParameters(dModel, layers, true))));
        }
        mistakes.add(new Mistake("forgot-layers", "You counted one layer. The model has " + layers + ", each with its own"
                + " projections.", Grids.number(perLayer)));
        long dk = Costs.headWidth(dModel, heads);
        mistakes.add(new Mistake("per-head-blocks", "You counted a d_k × d_k block per head. Each head's slice of Wq is"
                + " d_model × d_k (every head reads the whole token), so the heads together fill d_model × d_model.",
                Grids.number((double) layers * (Costs.PROJECTIONS * heads * dk * dk + (biases ? biasCount : 0)))));
        return exercise(seed, prompt, List.of(), form, Grids.number(total), hints, solution, mistakes);
    }
}
