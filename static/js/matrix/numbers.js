// How the book prints a matrix's numbers and colours its cells, exactly as MatrixTable.java does:
// fixed digits rounded half up, a true minus sign, and a heat class from the value's share of the
// scale. Every number arrives computed; these functions only format it.

const MINUS = '\u2212';
/** From here on a number is printed as 1.23e+9, as MatrixTable.EXPONENTIAL_FROM says. */
const EXPONENTIAL_FROM = 1e9;

/** A number as the book prints it, exactly as MatrixTable.number does: fixed digits rounded half up on the decimal value. */
export function formatNumber(x, digits) {
  let text = Math.abs(x) >= EXPONENTIAL_FROM ? x.toExponential(digits) : fixedHalfUp(x, digits);
  if (/^-0\.?0*$/.test(text)) text = text.slice(1);
  return text.replaceAll('-', MINUS);
}

/**
 * x to `digits` decimals as a reader rounds by hand (Decimals.java): cut to 15 significant digits,
 * which drops binary noise (0.495 is stored as 0.49499999…), then halves go up. toFixed would round
 * the binary value and print 0.49.
 */
function fixedHalfUp(x, digits) {
  if (x === 0) return (0).toFixed(digits);
  const [mantissa, exp] = Math.abs(x).toPrecision(15).split('e');
  const point = mantissa.indexOf('.');
  const figures = mantissa.replace('.', '');
  // value = figures × 10^shift; scaled = value × 10^digits, rounded half up to a whole number
  const shift = (point < 0 ? mantissa.length : point) + Number(exp || 0) - figures.length + digits;
  let scaled = BigInt(figures);
  if (shift >= 0) {
    scaled *= 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const rest = scaled % divisor;
    scaled /= divisor;
    if (2n * rest >= divisor) scaled += 1n;
  }
  const text = scaled.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const sign = x < 0 && scaled !== 0n ? '-' : '';
  return sign + (digits > 0 ? `${whole}.${text.slice(text.length - digits)}` : whole);
}

/** 12 → "₁₂": row and column numbers in subscripts, for labels such as a₂ⱼ. */
export function subscript(n) {
  return String(n).replace(/[0-9]/g, (digit) => '₀₁₂₃₄₅₆₇₈₉'[digit]);
}

/** heat-w-0 … heat-w-10 for weights (0 to 1), heat-s-m5 … heat-s-p5 for signed values (relative to the largest magnitude). */
export function heatClass(x, scale, maxAbs) {
  if (scale === 'weights') return `heat-w-${Math.round(Math.max(0, Math.min(1, x)) * 10)}`;
  const step = maxAbs === 0 ? 0 : Math.round(x / maxAbs * 5);
  return step < 0 ? `heat-s-m${-step}` : `heat-s-p${step}`;
}

/** The largest finite magnitude in some matrices (null cells are masked): the span of one signed colour scale. */
export function largestMagnitude(...matrices) {
  let max = 0;
  for (const values of matrices) {
    for (const row of values) {
      for (const x of row) {
        if (x != null && Number.isFinite(x)) max = Math.max(max, Math.abs(x));
      }
    }
  }
  return max;
}
