package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostsTest {

    @Test
    void gpt2SmallHasTwoPointThreeMillionAttentionParametersPerLayer() {
        assertEquals(2_359_296L, Costs.attentionWeightsPerLayer(768));          // 4·768²
        assertEquals(3_072L, Costs.attentionBiasesPerLayer(768));               // 4·768
        assertEquals(2_362_368L, Costs.attentionParametersPerLayer(768, true));
        assertEquals(2_359_296L, Costs.attentionParametersPerLayer(768, false));
        assertEquals(28_348_416L, Costs.attentionParameters(768, 12, true));   // 12 layers
        assertEquals(64L, Costs.headWidth(768, 12));
    }

    @Test
    void gpt3HasSixHundredMillionAttentionWeightsPerLayer() {
        assertEquals(603_979_776L, Costs.attentionWeightsPerLayer(12_288));      // 4·12288²
        assertEquals(57_982_058_496L, Costs.attentionParameters(12_288, 96, false));
        assertEquals(128L, Costs.headWidth(12_288, 96));
    }

    @Test
    void moreHeadsDoNotMeanMoreParameters() {
        // the count depends on d_model only: splitting into heads keeps W_Q, W_K, W_V, W_O the same size
        assertEquals(Costs.attentionWeightsPerLayer(512), 4L * 512 * 512);
    }

    @Test
    void aSevenBillionModelsKvCacheAtFourThousandTokensIsTwoGibibytes() {
        // 32 layers, 32 KV heads of 128, fp16: 2 × 32 × 1 × 4096 × 32 × 128 × 2 bytes
        assertEquals(1_073_741_824L, Costs.kvCacheValues(32, 1, 4096, 32, 128));
        assertEquals(2_147_483_648L, Costs.kvCacheBytes(32, 1, 4096, 32, 128, 2));
        // grouped-query attention with 8 KV heads keeps a quarter of that
        assertEquals(536_870_912L, Costs.kvCacheBytes(32, 1, 4096, 8, 128, 2));
    }

    @Test
    void theScoreGridIsQuadraticInTokens() {
        assertEquals(12_582_912L, Costs.scoreGridEntries(1, 12, 1024));          // 12 × 1024²
        assertEquals(50_331_648L, Costs.scoreGridBytes(1, 12, 1024, 4));
        assertEquals(4 * Costs.scoreGridEntries(1, 12, 1024), Costs.scoreGridEntries(1, 12, 2048));
    }

    @Test
    void multiplyAddsOfTheTwoProducts() {
        assertEquals(67_108_864L, Costs.scoreMultiplyAdds(1024, 64));           // 1024 × 1024 × 64
        assertEquals(67_108_864L, Costs.weightedSumMultiplyAdds(1024, 64));
        assertEquals(1_610_612_736L, Costs.attentionMultiplyAdds(1, 12, 1024, 64, 64));
    }

    @Test
    void figuresTooLargeForALongThrowInsteadOfWrapping() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Costs.kvCacheBytes(1_000_000, 1_000_000, 1_000_000, 1_000, 1_000, 2));
        assertTrue(e.getMessage().contains("KV cache"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> Costs.attentionWeightsPerLayer(Long.MAX_VALUE / 2));
        assertThrows(ArithmeticException.class, () -> Costs.scoreGridEntries(1, 1, 4_000_000_000L));
    }

    @Test
    void sizesMustBePositiveAndHeadsMustDivideDModel() {
        assertThrows(IllegalArgumentException.class, () -> Costs.attentionWeightsPerLayer(0));
        assertThrows(IllegalArgumentException.class, () -> Costs.kvCacheBytes(1, 1, 1, 1, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Costs.headWidth(768, 5));
        assertEquals("heads = 5 does not divide d_model = 768", e.getMessage());
    }
}
