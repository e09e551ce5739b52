package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TinyGptTest {

    private static final ModelShape TWO_LAYERS = new ModelShape(11, 8, 2, 2, 8, true);

    @Test
    void parametersAreNamedAndShapedAsAStateDict() {
        List<String> named = new ArrayList<>();
        for (Tensor p : new TinyGpt(TWO_LAYERS, 1).parameters()) {
            named.add(p.name() + " " + p.shapeText());
        }
        assertEquals(List.of("tok_emb 11×8", "pos_emb 8×8",
                "layers.0.norm1.weight 8", "layers.0.attn.wq 8×8", "layers.0.attn.wk 8×8", "layers.0.attn.wv 8×8",
                "layers.0.attn.wo 8×8", "layers.0.norm2.weight 8", "layers.0.mlp.w1 8×32", "layers.0.mlp.w2 32×8",
                "layers.1.norm1.weight 8", "layers.1.attn.wq 8×8", "layers.1.attn.wk 8×8", "layers.1.attn.wv 8×8",
                "layers.1.attn.wo 8×8", "layers.1.norm2.weight 8", "layers.1.mlp.w1 8×32", "layers.1.mlp.w2 32×8",
                "norm_f.weight 8", "unembed 8×11"), named);
        TinyGpt noMlp = new TinyGpt(new ModelShape(11, 8, 1, 1, 8, false), 1);
        assertEquals(9, noMlp.parameters().size());
        assertArrayEquals(new int[] {8, 8}, noMlp.parameter("layers.0.attn.wo").shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noMlp.parameter("layers.0.mlp.w1"));
        assertEquals("no parameter named \"layers.0.mlp.w1\"", e.getMessage());
    }

    /** Every head's weights are what the book's own attention computes from the same X and W_Q, W_K, W_V, W_O. */
    @Test
    void eachHeadsAttentionIsTheAttentionCoresForTheSameInputAndWeights() {
        TinyGpt model = new TinyGpt(TWO_LAYERS, 5);
        int[] tokens = {3, 1, 4, 1, 5, 9, 2, 6};
        Inspection inspection = model.inspect(tokens);
        assertEquals(2, inspection.layers().size());
        for (int l = 0; l < 2; l++) {
            Inspection.Layer layer = inspection.layers().get(l);
            String name = "layers." + l + ".attn.";
            AttentionSpec spec = new AttentionSpec(matrix(model, name + "wq"), matrix(model, name + "wk"),
                    matrix(model, name + "wv"), matrix(model, name + "wo"), 2, true, true);
            AttentionTrace trace = Attention.run(Matrix.of(layer.attentionInput()), spec);
            for (int h = 0; h < 2; h++) {
                double[][] expected = trace.heads().get(h).weights().toArray();
                double[][] actual = layer.heads().get(h);
                for (int i = 0; i < tokens.length; i++) {
                    // the model takes exp from StrictMath (the same on every machine), the core from Math:
                    // they may differ in the last bit, never more
                    assertArrayEquals(expected[i], actual[i], 1e-15, "layer " + l + " head " + h + " row " + i);
                }
            }
        }
        assertArrayEquals(model.predict(tokens), inspection.predictions());
        assertArrayEquals(tokens, inspection.tokens());
    }

    private static Matrix matrix(TinyGpt model, String name) {
        return Matrix.of(model.parameter(name).rows());
    }

    @Test
    void attentionIsCausalAndEachRowSumsToOne() {
        Inspection inspection = new TinyGpt(TWO_LAYERS, 2).inspect(new int[] {1, 2, 3, 4, 5});
        for (Inspection.Layer layer : inspection.layers()) {
            for (double[][] head : layer.heads()) {
                assertEquals(5, head.length);
                for (int i = 0; i < 5; i++) {
                    double sum = 0;
                    for (int j = 0; j < 5; j++) {
                        if (j > i) {
                            assertEquals(0.0, head[i][j]);
                        }
                        sum += head[i][j];
                    }
                    assertEquals(1.0, sum, 1e-12);
                }
            }
        }
    }

    @Test
    void sequencesTooLongOrWithUnknownTokensOrTargetsAreRefusedNamingThePosition() {
        TinyGpt model = new TinyGpt(TWO_LAYERS, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(new int[9]));
        assertEquals("a sequence needs 1 to 8 tokens (the context), got 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.inspect(new int[] {0, 11}));
        assertEquals("token 11 at position 1 is outside the vocabulary 0–10", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.predict(new int[0]));
        assertEquals("a sequence needs 1 to 8 tokens (the context), got 0", e.getMessage());
        List<Example> badTarget = List.of(new Example(new int[] {1, 2}, new int[] {-1, 12}));
        e = assertThrows(IllegalArgumentException.class, () -> model.lossAndGradient(badTarget));
        assertEquals("target 12 at position 1 is outside the vocabulary 0–10", e.getMessage());
        List<Example> negative = List.of(new Example(new int[] {1, 2}, new int[] {-2, 3}));
        e = assertThrows(IllegalArgumentException.class, () -> model.loss(negative));
        assertEquals("target -2 at position 0 is outside the vocabulary 0–10", e.getMessage());
    }

    @Test
    void anUntrainedModelsLossIsNearLogVocabulary() {
        TinyGpt model = new TinyGpt(TWO_LAYERS, 3);
        List<Example> batch = List.of(Task.COPY.probe(4));
        double loss = model.loss(batch);
        assertEquals(Math.log(11), loss, 1.0, "loss " + loss);
        assertEquals(loss, model.lossAndGradient(batch), 0.0, "the same number with or without gradients");
    }
}
