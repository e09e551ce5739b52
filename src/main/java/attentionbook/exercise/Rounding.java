package attentionbook.exercise;

import java.util.Locale;

/**
 * How close an answer must be, as the prompt states it. An exact answer (a whole number, a shape,
 * a copy of the given numbers) must match to the last digit; a rounded one may differ from the
 * exact value by the tolerance, which is half a unit in the last place asked for, or a little more
 * when the prompt gives rounded inputs (exponentials to 3 decimals).
 *
 * @param decimals  the decimal places asked for (the answer key prints this many); 0 for whole numbers
 * @param tolerance the largest accepted |answer − exact value|
 * @param exact     true when no rounding is involved
 */
public record Rounding(int decimals, double tolerance, boolean exact) {

    /** Slack for the binary representation of decimals such as 0.1: far below anything a learner writes. */
    private static final double FLOAT_SLACK = 1e-9;

    public Rounding {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be from 0 to 6, not " + decimals);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be a finite number ≥ 0, not " + tolerance);
        }
    }

    /** The exact value, which needs at most {@code decimals} places (0 for whole numbers). */
    public static Rounding exact(int decimals) {
        return new Rounding(decimals, 0, true);
    }

    /** Rounded to this many places: anything that rounds to the right value is accepted. */
    public static Rounding places(int decimals) {
        return new Rounding(decimals, 0.5 * Math.pow(10, -decimals), false);
    }

    /** Rounded to this many places, accepting answers within {@code tolerance} (for rounded inputs). */
    public static Rounding places(int decimals, double tolerance) {
        return new Rounding(decimals, tolerance, false);
    }

    /** True when the given value counts as the expected one. −∞ (a masked cell) matches only −∞. */
    public boolean accepts(double given, double expected) {
        if (Double.isInfinite(expected) || Double.isInfinite(given)) {
            return given == expected;
        }
        return Math.abs(given - expected) <= tolerance + FLOAT_SLACK;
    }

    /** Half a unit in the last decimal asked for: how far a correctly rounded value may lie from the exact one. */
    public double halfUnit() {
        return 0.5 * Math.pow(10, -decimals);
    }

    /**
     * True when a learner's answer is what a mistaken procedure gives, at the prompt's own rounding:
     * as close to the mistaken value as a right answer must be to the right one, or the mistaken value
     * rounded to the decimals asked for (a tie either way). On a whole-number exercise 2.6 is neither
     * 3 nor 3 rounded, so it never passes for a mistake whose answer is 3.
     */
    public boolean resembles(double given, double mistaken) {
        if (Double.isInfinite(mistaken) || Double.isInfinite(given)) {
            return given == mistaken;
        }
        if (Math.abs(given - mistaken) <= tolerance + FLOAT_SLACK) {
            return true;
        }
        return written(given) && Math.abs(given - mistaken) <= halfUnit() + FLOAT_SLACK;
    }

    /** True when the value has no more decimals than asked for (2.6 is not a whole number). */
    public boolean written(double value) {
        double scaled = value * Math.pow(10, decimals);
        return Math.abs(scaled - Math.rint(scaled)) <= 1e-6;   // in units of the last decimal: binary noise only
    }

    /** The value rounded half away from zero to the decimals asked for, as a learner rounds by hand. */
    public double round(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** True when two values are far enough apart that no rounding of one can pass for the other. */
    public boolean distinct(double a, double b) {
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return a != b;
        }
        return Math.abs(a - b) > tolerance + halfUnit() + FLOAT_SLACK;
    }

    /** The instruction the prompt prints, e.g. "Round to 2 decimal places." */
    public String instruction() {
        if (exact) {
            return decimals == 0 ? "Give exact whole numbers." : "Give exact values (they have at most "
                    + decimals + (decimals == 1 ? " decimal place)." : " decimal places).");
        }
        String places = "Round to " + decimals + (decimals == 1 ? " decimal place." : " decimal places.");
        double halfUnit = 0.5 * Math.pow(10, -decimals);
        if (tolerance > halfUnit + FLOAT_SLACK) {
            return places + " Answers within " + String.format(Locale.ROOT, "%." + (decimals + 1) + "f", tolerance)
                    .replaceAll("0+$", "") + " of the exact value count as right, since the exponentials given are rounded.";
        }
        return places;
    }
}
