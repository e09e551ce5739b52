package attentionbook.model;

/**
 * tanh, bit for bit the value of {@link StrictMath#tanh} (fdlibm's algorithm, the one StrictMath
 * specifies), written in Java. Java 17's StrictMath.tanh is a native call, and the GELU of the MLP
 * takes one tanh per hidden unit: 65,536 a training step of the copy task, then a third of the step.
 * In Java the JIT compiles it inline, with no native transition (a tenth more training steps a second).
 * The operations and their order are fdlibm's, so the results are the same on every machine;
 * StrictTanhTest checks them against StrictMath's on every edge case and 800,000 arguments.
 *
 * <pre>
 *   tanh(x) = sign(x)·(1 − 2/(expm1(2|x|) + 2))     for 1 ≤ |x| &lt; 22
 *           = sign(x)·(−t/(t + 2)), t = expm1(−2|x|)  for 2⁻⁵⁵ ≤ |x| &lt; 1
 *           = x·(1 + x)  below 2⁻⁵⁵,   ±1 from 22 on (1 − 2/(e⁴⁴ + 1) rounds to 1)
 * </pre>
 */
final class StrictTanh {

    private static final double LN2_HI = 6.93147180369123816490e-01;   // ln 2's first 32 bits: k·LN2_HI is exact
    private static final double LN2_LO = 1.90821492927058770002e-10;   // ln 2 − LN2_HI
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double OVERFLOW = 7.09782712893383973096e+02;  // above it, eˣ − 1 is +∞
    // expm1's rational approximation on |r| ≤ ½·ln 2 (fdlibm's coefficients)
    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;

    private StrictTanh() {
    }

    static double tanh(double x) {
        double ax = Math.abs(x);
        double z;
        if (!(ax < 22.0)) {                          // |x| ≥ 22, ±∞ and NaN
            if (Double.isNaN(x)) {
                return 1.0 / x + 1.0;
            }
            z = 1.0;
        } else if (ax < 0x1p-55) {
            return x * (1.0 + x);
        } else {
            boolean large = ax >= 1.0;                 // one call of expm1, inlined once
            double t = expm1(large ? 2.0 * ax : -2.0 * ax);
            double q = (large ? 2.0 : -t) / (t + 2.0);
            z = large ? 1.0 - q : q;
        }
        return Math.copySign(z, x);                  // z ≥ 0: the sign of x, with no branch
    }

    /**
     * eˣ − 1 as fdlibm's expm1 computes it: x = k·ln 2 + r with |r| ≤ ½·ln 2 (r kept as hi − lo plus
     * a correction c), e^r − 1 from a rational approximation, then scaled by 2ᵏ.
     */
    static double expm1(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int high = (int) (bits >>> 32) & 0x7fffffff;  // |x|'s top 32 bits
        boolean negative = bits < 0;
        if (high >= 0x4043687A) {                     // |x| ≥ 56·ln 2
            if (high >= 0x40862E42) {                 // |x| ≥ 709.78
                if (high >= 0x7ff00000) {
                    return Double.isNaN(x) ? x + x : (negative ? -1.0 : x);
                }
                if (x > OVERFLOW) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            if (negative) {
                return -1.0;                          // eˣ below 2⁻⁵⁶: −1 rounds it away
            }
        }
        int k;
        double c = 0.0;
        if (high > 0x3fd62e42) {                      // |x| > ½·ln 2: reduce
            double hi;
            double lo;
            if (high < 0x3FF0A2B2) {                  // |x| < 1.5·ln 2: k = ±1
                k = negative ? -1 : 1;
                hi = negative ? x + LN2_HI : x - LN2_HI;
                lo = negative ? -LN2_LO : LN2_LO;
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (high < 0x3c900000) {               // |x| < 2⁻⁵⁴: eˣ − 1 rounds to x
            return x;
        } else {
            k = 0;
        }
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1) {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) {
            return timesPowerOfTwo(1.0 - (e - x), k) - 1.0;
        }
        if (k < 20) {
            double oneMinus = Double.longBitsToDouble((long) (0x3ff00000 - (0x200000 >> k)) << 32); // 1 − 2⁻ᵏ
            return timesPowerOfTwo(oneMinus - (e - x), k);
        }
        double powerMinusK = Double.longBitsToDouble((long) ((0x3ff - k) << 20) << 32);          // 2⁻ᵏ
        return timesPowerOfTwo(x - (e + powerMinusK) + 1.0, k);
    }

    /** y·2ᵏ by adding k to y's exponent (y is normal and stays so here). */
    private static double timesPowerOfTwo(double y, int k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
    }
}
