package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** StrictTanh gives StrictMath's tanh and expm1 bit for bit: the pinned weights depend on it. */
class StrictTanhTest {

    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-56, 0x1p-55, -0x1p-55, 0x1p-54,
        Math.nextDown(1.0), 1.0, Math.nextUp(1.0), -1.0, 0.5 * Math.log(2), 1.5 * Math.log(2), -1.5 * Math.log(2),
        2.0, 21.999999999999996, 22.0, -22.0, 40.0, 56 * Math.log(2), -56 * Math.log(2), 709.78, 709.79, -745.0,
        1e300, -1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
    };

    @Test
    void edgeCasesMatchStrictMath() {
        for (double x : EDGES) {
            assertSameBits(StrictMath.tanh(x), StrictTanh.tanh(x), "tanh(" + x + ")");
            assertSameBits(StrictMath.expm1(x), StrictTanh.expm1(x), "expm1(" + x + ")");
        }
    }

    @Test
    void everyRangeOfMagnitudesMatchesStrictMath() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 500_000; i++) {
            double x = (2.0 * random.nextDouble() - 1.0) * Math.scalb(1.0, random.nextInt(-60, 11)); // |x| from 2⁻⁶⁰ to 1024
            assertSameBits(StrictMath.tanh(x), StrictTanh.tanh(x), "tanh(" + x + ")");
            assertSameBits(StrictMath.expm1(x), StrictTanh.expm1(x), "expm1(" + x + ")");
        }
    }

    @Test
    void randomBitPatternsMatchStrictMath() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 300_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(x)) {                    // NaN: any NaN will do, its payload is not compared
                assertSameBits(StrictMath.tanh(x), StrictTanh.tanh(x), "tanh(" + x + ")");
                assertSameBits(StrictMath.expm1(x), StrictTanh.expm1(x), "expm1(" + x + ")");
            }
        }
    }

    private static void assertSameBits(double expected, double actual, String what) {
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            if (Double.isNaN(expected) && Double.isNaN(actual)) {
                return;
            }
            assertEquals(expected, actual, 0.0, what);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what + ": the sign of zero");
        }
    }
}
