package attentionbook.book;

import java.util.LinkedHashMap;
import java.util.Map;

/** The model sizes and number types the decode widget's byte counter offers (published architectures). */
final class DecodeModels {
    /** layers 0: the widget's own single layer and heads. */
    record Model(String name, int layers, int heads, int headDim) {
    }

    record Dtype(String name, int bytes) {
    }

    static final Map<String, Model> MODELS = new LinkedHashMap<>();
    static final Map<String, Dtype> DTYPES = new LinkedHashMap<>();

    static {
        MODELS.put("this-layer", new Model("this layer", 0, 0, 0));
        MODELS.put("gpt2-small", new Model("GPT-2 small", 12, 12, 64));
        MODELS.put("llama2-7b", new Model("LLaMA-2-7B", 32, 32, 128));
        DTYPES.put("float32", new Dtype("float32", 4));
        DTYPES.put("float16", new Dtype("float16", 2));
        DTYPES.put("int8", new Dtype("int8", 1));
    }

    private DecodeModels() {
    }
}
