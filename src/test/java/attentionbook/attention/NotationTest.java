package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotationTest {

    @Test
    void subscripts() {
        assertEquals("₃", Notation.sub(3));
        assertEquals("₁₂", Notation.sub(12));
        assertEquals("₃₂", Notation.sub(3, 2));
        assertEquals("₁₂,₃", Notation.sub(12, 3));
    }

    @Test
    void numbersForProse() {
        assertEquals("0.9544", Notation.number(0.95441));
        assertEquals("9", Notation.number(9.0));
        assertEquals("\u22120.5", Notation.number(-0.5));
        assertEquals("(\u22120.5)", Notation.factor(-0.5));
        assertEquals("0", Notation.number(-0.0));
        assertEquals("1.2346e-7", Notation.number(1.23456e-7));
        assertEquals("1e200", Notation.number(1e200));
        assertEquals("\u2212∞", Notation.number(Double.NEGATIVE_INFINITY));
        assertEquals("6.364", Notation.number(9 / Math.sqrt(2)));
    }

    /** Halves go up on the decimal a reader sees, never down because the double sits a hair below it. */
    @Test
    void halvesRoundUpOnTheDecimalValue() {
        assertEquals("0.0002", Notation.number(0.00015)); // stored as 0.000149999…
        assertEquals("2.0001", Notation.number(2.00005)); // stored as 2.0000499999…
        assertEquals("0.3001", Notation.number(0.30005));
        assertEquals("\u22120.3001", Notation.number(-0.30005));
        assertEquals("0.495", Notation.number(0.22 * 0.80 + 0.58 * 0.55));
        assertEquals("0.50", Decimals.fixed(0.22 * 0.80 + 0.58 * 0.55, 2));
        assertEquals("0.49", Decimals.fixed(0.494999, 2));
        assertEquals("0.00", Decimals.fixed(-0.004, 2));
    }
}
