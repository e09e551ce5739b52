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
}
