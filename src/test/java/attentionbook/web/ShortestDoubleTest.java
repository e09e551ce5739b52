package attentionbook.web;

import com.fasterxml.jackson.core.io.NumberOutput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ShortestDouble must write exactly what Jackson's Schubfach writer writes (the text the API sent before),
 * and that text must read back as the same double. Checked on hand-picked values, every power of two,
 * the edges of the subnormals, and a few million seeded random doubles of the kinds the API sends.
 */
class ShortestDoubleTest {

    static String text(double v) {
        byte[] out = new byte[ShortestDouble.MAX_CHARS];
        return new String(out, 0, ShortestDouble.write(v, out, 0), StandardCharsets.US_ASCII);
    }

    static void check(double v) {
        String expected = NumberOutput.toString(v, true);
        String actual = text(v);
        if (!expected.equals(actual) || Double.parseDouble(actual) != v && !Double.isNaN(v)) {
            assertEquals(expected, actual, "the text of the double with bits 0x" + Long.toHexString(Double.doubleToRawLongBits(v)));
            assertEquals(v, Double.parseDouble(actual), "reads back: " + actual);
        }
    }

    @Test
    void writesTheLayoutOfDoubleToString() {
        assertEquals("0.0", text(0.0));
        assertEquals("-0.0", text(-0.0));
        assertEquals("1.0", text(1.0));
        assertEquals("-2.5", text(-2.5));
        assertEquals("0.1", text(0.1));
        assertEquals("0.30000000000000004", text(0.1 + 0.2));
        assertEquals("0.001", text(0.001));
        assertEquals("1.0E-4", text(0.0001));
        assertEquals("1.25E-4", text(0.000125));
        assertEquals("9999999.0", text(9_999_999.0));
        assertEquals("1.0E7", text(1e7));
        assertEquals("1.2345678E7", text(12_345_678.0));
        assertEquals("1.0E23", text(1e23));
        assertEquals("0.002", text(2e-3));
        assertEquals("1.7976931348623157E308", text(Double.MAX_VALUE));
        assertEquals("4.9E-324", text(Double.MIN_VALUE));
        // Java's rule: where one digit would do, the closest of the one- and two-digit decimals (1.0E-323 is farther)
        assertEquals("9.9E-324", text(2 * Double.MIN_VALUE));
        assertEquals("2.2250738585072014E-308", text(Double.MIN_NORMAL));
        assertEquals("-2.2250738585072014E-308".length(), ShortestDouble.MAX_CHARS);
        assertEquals("0.7071067811865476", text(Math.sqrt(0.5)));
        assertEquals("9.007199254740992E15", text(0x1p53));
    }

    @Test
    void isShorterThanJava17sDoubleToStringWhereThatOneIsLong() {
        // Java 17 writes 2^-44 as 5.6843418860808015E-14 and 2e23 as 1.9999999999999998E23
        assertEquals("5.684341886080802E-14", text(0x1p-44));
        assertEquals("2.0E23", text(2e23));
    }

    @Test
    void refusesWhatHasNoDecimalForm() {
        assertThrows(IllegalArgumentException.class, () -> text(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> text(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> text(Double.NEGATIVE_INFINITY));
    }

    @Test
    void agreesOnEveryPowerOfTwoAndItsNeighbours() {
        for (int e = -1074; e <= 1023; e++) {
            double power = Math.scalb(1.0, e);
            check(power);
            check(-power);
            check(Math.nextUp(power));
            check(Math.nextDown(power));
        }
    }

    @Test
    void agreesOnThePowersOfTenAndTheirNeighbours() {
        for (int e = -323; e <= 308; e++) {
            double power = Double.parseDouble("1e" + e);
            check(power);
            check(Math.nextUp(power));
            check(Math.nextDown(power));
        }
    }

    @Test
    void agreesAtTheEdgesOfTheSubnormals() {
        for (long bits = 1; bits < 5_000; bits++) {
            check(Double.longBitsToDouble(bits));
        }
        for (long bits = 0x0010_0000_0000_0000L - 5_000; bits < 0x0010_0000_0000_0000L + 5_000; bits++) {
            check(Double.longBitsToDouble(bits));
        }
    }

    @Test
    void agreesOnWholeNumbersAndShortDecimals() {
        for (int i = -20_000; i <= 20_000; i++) {
            check(i);
            check(i / 1000.0);
            check(i / 7.0);
        }
        for (long big = 1L << 52; big < (1L << 52) + 10_000; big++) {
            check(big);
            check(big * 2.0);
        }
    }

    @Test
    void agreesOnMillionsOfRandomDoubles() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 1_500_000; i++) {
            double anyBits = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(anyBits)) {
                check(anyBits);
            }
            // the API's kind of number: products and sums of small decimals, softmax weights, exponentials
            double a = Math.round(random.nextDouble(-20, 20) * 10) / 10.0;
            double b = Math.round(random.nextDouble(-20, 20) * 100) / 100.0;
            check(a * b + b / 3);
            check(Math.exp(random.nextDouble(-30, 30)));
            check(random.nextDouble());
        }
    }

    @Test
    void theLogarithmFloorsAreExactForEveryExponentTheyMeet() {
        for (int e = -1100; e <= 1100; e++) {
            assertEquals(floorLog(BigInteger.TWO, e, BigInteger.TEN, BigInteger.ONE), ShortestDouble.floorLog10Pow2(e), "floor(log10(2^" + e + "))");
            assertEquals(floorLog(BigInteger.TWO, e, BigInteger.TEN, BigInteger.valueOf(3), BigInteger.valueOf(4)),
                    ShortestDouble.floorLog10ThreeQuartersPow2(e), "floor(log10(3/4·2^" + e + "))");
        }
        for (int e = -400; e <= 400; e++) {
            assertEquals(floorLog(BigInteger.TEN, e, BigInteger.TWO, BigInteger.ONE), ShortestDouble.floorLog2Pow10(e), "floor(log2(10^" + e + "))");
        }
    }

    @Test
    void eachScaleIsTheNextWholeNumberAbove10ToTheMinusKIn126Bits() {
        for (int k = ShortestDouble.K_MIN; k <= ShortestDouble.K_MAX; k++) {
            BigInteger g = ShortestDouble.g(k);
            assertTrue(g.bitLength() == 126 || g.equals(BigInteger.ONE.shiftLeft(126)), "g for k = " + k + " has 126 bits");
            int r = ShortestDouble.floorLog2Pow10(-k) - 125;
            // (g - 1)·2^r <= 10^-k < g·2^r, compared as exact decimals
            BigDecimal tenToMinusK = BigDecimal.ONE.scaleByPowerOfTen(-k);
            BigDecimal twoToR = r >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(r)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-r)));
            assertTrue(new BigDecimal(g.subtract(BigInteger.ONE)).multiply(twoToR).compareTo(tenToMinusK) <= 0, "(g - 1)·2^r <= 10^-k for k = " + k);
            assertTrue(new BigDecimal(g).multiply(twoToR).compareTo(tenToMinusK) > 0, "10^-k < g·2^r for k = " + k);
        }
    }

    /** floor(log_base(numerator/denominator · x^e)) by counting, in whole numbers: the largest n with base^n <= the value. */
    private static int floorLog(BigInteger x, int e, BigInteger base, BigInteger numerator, BigInteger denominator) {
        // value = numerator·x^e / denominator; compare base^n with it using only whole numbers
        BigInteger top = numerator.multiply(e >= 0 ? x.pow(e) : BigInteger.ONE);
        BigInteger bottom = denominator.multiply(e < 0 ? x.pow(-e) : BigInteger.ONE);
        // start from the floating-point estimate, then step to the exact answer
        int n = (int) Math.floor((e * Math.log(x.doubleValue()) + Math.log(numerator.doubleValue() / denominator.doubleValue()))
                / Math.log(base.doubleValue()));
        while (powerAtMost(base, n + 1, top, bottom)) {
            n++;
        }
        while (!powerAtMost(base, n, top, bottom)) {
            n--;
        }
        return n;
    }

    private static int floorLog(BigInteger x, int e, BigInteger base, BigInteger one) {
        return floorLog(x, e, base, one, one);
    }

    /** base^n <= top/bottom. */
    private static boolean powerAtMost(BigInteger base, int n, BigInteger top, BigInteger bottom) {
        return n >= 0 ? base.pow(n).multiply(bottom).compareTo(top) <= 0 : bottom.compareTo(top.multiply(base.pow(-n))) <= 0;
    }
}
