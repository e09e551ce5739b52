package attentionbook.web;

import java.math.BigInteger;

/**
 * Writes a finite double as the shortest decimal that reads back as the same double, laid out as
 * Double.toString lays it out from Java 19 on ("0.25", "1.0E-4", "-1.2345678E7"), straight into a
 * byte array as ASCII. The API's answers are mostly numbers: on Java 17 Double.toString is slow (and now and
 * then not the shortest), and Jackson's fast writer makes a String of every number; together that
 * was two thirds of the time a widget-sized POST /api/attention took.
 *
 * <p>The digits come from Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render
 * doubles", 2020). A double v = c·2^q owns the interval of reals that round to it. Scale v and both
 * ends of that interval by 10^-k, with k chosen so that the scaled interval is shorter than 10 but
 * at least 1 wide; then the shortest decimal inside it has the digits of s, s + 1 or a multiple of
 * ten next to s, where s = floor(v·10^-k). 10^-k is held to 126 bits (g below), and every product is
 * rounded to odd, which keeps each comparison with a whole number exact.
 */
final class ShortestDouble {
    /** The longest text this writes, "-2.2250738585072014E-308", is 24 characters. */
    static final int MAX_CHARS = 24;

    /** A double's value is c·2^q; q is at least Q_MIN (the subnormals) and at most Q_MAX. */
    private static final int Q_MIN = -1074;
    private static final int Q_MAX = 971;
    /** The hidden bit: a normal double's c is at least 2^52. */
    private static final long C_MIN = 1L << 52;
    /** Subnormals with c below this are too short for the 126-bit scaling: they are written as (10c)·2^q·10^-1. */
    private static final long C_TINY = 3;
    private static final long LOW_63 = Long.MAX_VALUE;

    static final int K_MIN = floorLog10Pow2(Q_MIN);
    static final int K_MAX = floorLog10Pow2(Q_MAX);
    /** g = floor(10^-k·2^-r) + 1 with r = floorLog2Pow10(-k) - 125, so 2^125 < g ≤ 2^126; split into its high and low 63 bits. */
    private static final long[] G_HIGH = new long[K_MAX - K_MIN + 1];
    private static final long[] G_LOW = new long[K_MAX - K_MIN + 1];
    /** 10^0 to 10^18. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** "00", "01", ... "99" end to end. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = 10 * POWERS_OF_TEN[i - 1];
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger g = floorScaled(k, floorLog2Pow10(-k) - 125).add(BigInteger.ONE);
            G_HIGH[k - K_MIN] = g.shiftRight(63).longValueExact();
            G_LOW[k - K_MIN] = g.longValue() & LOW_63;
        }
    }

    private ShortestDouble() {
    }

    /** Writes v at out[at..] and answers the index after the last char; out needs MAX_CHARS free from at. */
    static int write(double v, byte[] out, int at) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("only finite numbers have a decimal form, not " + v);
        }
        long bits = Double.doubleToRawLongBits(v);
        if (bits < 0) {
            out[at++] = '-';
        }
        int biasedExponent = (int) (bits >>> 52) & 0x7ff;
        long fraction = bits & (C_MIN - 1);
        if (biasedExponent == 0) {
            if (fraction == 0) {
                out[at] = '0';
                out[at + 1] = '.';
                out[at + 2] = '0';
                return at + 3;
            }
            return fraction < C_TINY ? decimal(Q_MIN, 10 * fraction, -1, out, at) : decimal(Q_MIN, fraction, 0, out, at);
        }
        long c = C_MIN | fraction;
        int q = biasedExponent - 1075;
        if (q < 0 && q > -53) {
            // a whole number below 2^53: its own digits are the shortest (any shorter decimal is a whole number too, at least 1 away)
            long whole = c >> -q;
            if (whole << -q == c) {
                return layout(whole, 0, out, at);
            }
        }
        return decimal(q, c, 0, out, at);
    }

    /** Finds the shortest decimal for c·2^q (times 10^dk) and writes it. */
    private static int decimal(int q, long c, int dk, byte[] out, int at) {
        // round-half-even reads an interval's ends back to an even c, so for an even c the ends count as inside
        long open = c & 1;
        // in units of a quarter of 2^q: v, and the interval's ends, half a step either side of v...
        long cb = c << 2;
        long cbRight = cb + 2;
        long cbLeft;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbLeft = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            // ...except at a power of two, where the doubles below are twice as dense
            cbLeft = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        }
        int shift = q + floorLog2Pow10(-k) + 2;
        long gHigh = G_HIGH[k - K_MIN];
        long gLow = G_LOW[k - K_MIN];
        long vb = roundToOdd(gHigh, gLow, cb << shift);
        long vbLeft = roundToOdd(gHigh, gLow, cbLeft << shift);
        long vbRight = roundToOdd(gHigh, gLow, cbRight << shift);
        long s = vb >> 2;
        if (s >= 100) {
            // one digit fewer: the multiples of ten either side of s
            long below = s / 10 * 10;
            long above = below + 10;
            boolean belowInside = vbLeft + open <= below << 2;
            boolean aboveInside = (above << 2) + open <= vbRight;
            if (belowInside != aboveInside) {
                return layout(belowInside ? below : above, k + dk, out, at);
            }
        }
        long t = s + 1;
        boolean sInside = vbLeft + open <= s << 2;
        boolean tInside = (t << 2) + open <= vbRight;
        if (sInside != tInside) {
            return layout(sInside ? s : t, k + dk, out, at);
        }
        // both inside: the closer one, the even one on a tie
        long fromMiddle = vb - ((s + t) << 1);
        return layout(fromMiddle < 0 || fromMiddle == 0 && (s & 1) == 0 ? s : t, k + dk, out, at);
    }

    /** g·cp / 2^127, rounded to odd: the floor, with its last bit set when anything was cut off. */
    private static long roundToOdd(long gHigh, long gLow, long cp) {
        long lowHigh = Math.multiplyHigh(gLow, cp);
        long highLow = gHigh * cp;
        long highHigh = Math.multiplyHigh(gHigh, cp);
        long middle = (highLow >>> 1) + lowHigh;
        long floor = highHigh + (middle >>> 63);
        long sticky = ((middle & LOW_63) + LOW_63) >>> 63;
        return floor | sticky;
    }

    /** Writes f·10^e (f > 0): plain from 10^-3 up to 10^7, else one digit, a point and the rest, then E and the exponent. */
    private static int layout(long f, int e, byte[] out, int at) {
        if (f % 10 == 0) {
            // drop the trailing zeros, eight, four, two and one at a time
            while (f % 100_000_000 == 0) {
                f /= 100_000_000;
                e += 8;
            }
            if (f % 10_000 == 0) {
                f /= 10_000;
                e += 4;
            }
            if (f % 100 == 0) {
                f /= 100;
                e += 2;
            }
            if (f % 10 == 0) {
                f /= 10;
                e += 1;
            }
        }
        int n = digitCount(f);
        int exponent = n + e - 1;
        if (exponent >= 0 && exponent < 7) {
            int whole = exponent + 1;
            if (n > whole) {
                return digitsWithPoint(f, n, whole, out, at);
            }
            digits(f, n, out, at);
            at += n;
            for (int i = n; i < whole; i++) {
                out[at++] = '0';
            }
            out[at] = '.';
            out[at + 1] = '0';
            return at + 2;
        }
        if (exponent < 0 && exponent >= -3) {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = -1; i > exponent; i--) {
                out[at++] = '0';
            }
            digits(f, n, out, at);
            return at + n;
        }
        if (n == 1) {
            out[at++] = (byte) ('0' + f);
            out[at++] = '.';
            out[at++] = '0';
        } else {
            at = digitsWithPoint(f, n, 1, out, at);
        }
        out[at++] = 'E';
        if (exponent < 0) {
            out[at++] = '-';
            exponent = -exponent;
        }
        if (exponent >= 100) {
            out[at++] = (byte) ('0' + exponent / 100);
        }
        if (exponent >= 10) {
            out[at++] = (byte) ('0' + exponent / 10 % 10);
        }
        out[at++] = (byte) ('0' + exponent % 10);
        return at;
    }

    /** Writes the n digits of f with a point after the first {@code point} of them (0 < point < n); answers the index after. */
    private static int digitsWithPoint(long f, int n, int point, byte[] out, int at) {
        digits(f, n, out, at + 1);
        for (int i = 0; i < point; i++) {
            out[at + i] = out[at + 1 + i];
        }
        out[at + point] = '.';
        return at + n + 1;
    }

    /**
     * Writes the n digits of f (n ≤ 17) at out[at..at + n). Two digits a step, the last eight apart from the rest: two
     * short chains of int divisions instead of one long chain of long ones, which the processor runs side by side.
     */
    private static void digits(long f, int n, byte[] out, int at) {
        int end = at + n;
        if (n > 8) {
            long high = f / 100_000_000;
            int low = (int) (f - high * 100_000_000);
            for (int i = 0; i < 4; i++) {
                int rest = low / 100;
                int pair = (low - rest * 100) << 1;
                out[--end] = DIGIT_PAIRS[pair + 1];
                out[--end] = DIGIT_PAIRS[pair];
                low = rest;
            }
            f = high;
        }
        int rest = (int) f;
        while (end - at >= 2) {
            int next = rest / 100;
            int pair = (rest - next * 100) << 1;
            out[--end] = DIGIT_PAIRS[pair + 1];
            out[--end] = DIGIT_PAIRS[pair];
            rest = next;
        }
        if (end > at) {
            out[at] = (byte) ('0' + rest);
        }
    }

    /** 10^(m-1) <= f < 10^(m+1) for m = floor(log10(2^bits)), with bits the length of f in binary: one comparison decides. */
    private static int digitCount(long f) {
        int m = floorLog10Pow2(Long.SIZE - Long.numberOfLeadingZeros(f));
        return f >= POWERS_OF_TEN[m] ? m + 1 : m;
    }

    // The three floors of logarithms below are fixed-point products, exact for every exponent a double
    // can have (ShortestDoubleTest checks each against whole-number arithmetic).

    /** floor(e·log10(2)). */
    static int floorLog10Pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4·2^e)). */
    static int floorLog10ThreeQuartersPow2(int e) {
        return (int) ((e * 661_971_961_083L - 274_743_187_321L) >> 41);
    }

    /** floor(e·log2(10)). */
    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** floor(10^-k·2^-r), exactly. */
    static BigInteger floorScaled(int k, int r) {
        BigInteger numerator = k <= 0 ? BigInteger.TEN.pow(-k) : BigInteger.ONE;
        BigInteger denominator = k > 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
        if (r < 0) {
            numerator = numerator.shiftLeft(-r);
        } else {
            denominator = denominator.shiftLeft(r);
        }
        return numerator.divide(denominator);
    }

    /** The table entry for k as one number, for the test. */
    static BigInteger g(int k) {
        return BigInteger.valueOf(G_HIGH[k - K_MIN]).shiftLeft(63).or(BigInteger.valueOf(G_LOW[k - K_MIN]));
    }
}
