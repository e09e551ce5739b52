package attentionbook.model;

/**
 * The sizes of a tiny GPT: vocabulary V, context C (the most tokens it reads), layers, heads,
 * d_model, and whether each layer has an MLP after its attention. d_k = d_model / heads.
 * Checked by {@link RunConfig}; this record only refuses sizes the arithmetic cannot use.
 */
public record ModelShape(int vocabulary, int context, int layers, int heads, int dModel, boolean mlp) {

    public ModelShape {
        if (vocabulary < 2 || context < 1 || layers < 1 || heads < 1 || dModel < 1 || dModel % heads != 0) {
            throw new IllegalArgumentException("a model needs vocabulary ≥ 2, context ≥ 1, layers ≥ 1 and heads"
                    + " dividing d_model; got vocabulary " + vocabulary + ", context " + context + ", layers "
                    + layers + ", heads " + heads + ", d_model " + dModel);
        }
    }

    /** d_k, one head's width. */
    public int headWidth() {
        return dModel / heads;
    }
}
