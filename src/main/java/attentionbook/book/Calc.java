package attentionbook.book;

import attentionbook.attention.Decimals;

import java.util.ArrayList;
import java.util.List;

/**
 * The little calculator behind {@code {{ expression | format }}} in chapter text, so that a number
 * stated in prose is computed when the book loads instead of typed by hand.
 *
 * <p>Numbers, {@code + - * / ^}, parentheses, vectors {@code [1, 0.1, 0.2]}, the constants
 * {@code pi} and {@code e}, and the functions sqrt, exp, ln, log2, log10, abs, floor, ceil, min, max,
 * sum, mean, dot(v, w), round(x, digits) (half up, as a reader rounds: the sum of the numbers a page shows)
 * and softmax(v) or softmax(v, temperature) (the attention core's own softmax),
 * and the core's cost arithmetic: attn_params(d_model, layers, biases 0/1), head_width(d_model, heads),
 * kv_cache_bytes(layers, batch, tokens, kv_heads, head_dim, bytes_per_value),
 * score_grid_entries(batch, heads, tokens), score_grid_bytes(batch, heads, tokens, bytes_per_value),
 * attention_madds(batch, heads, tokens, d_k, d_v).
 * Formats: a digit count ({@code | 3}), {@code int} (grouped, must be whole), {@code bytes} (KiB, MiB,
 * GiB... to at most two decimals), {@code %1} (percent with one decimal), {@code sci2} (2.35 × 10^8).
 * Without a format, whole numbers are grouped and others get four decimals. Every rounding is half
 * up on the decimal value ({@link Decimals}), so 0.495 shows as 0.50 wherever it appears.
 */
public final class Calc {
    private final String text;
    private int at;

    private Calc(String text) {
        this.text = text;
    }

    /** Evaluates {@code expression | format}; throws IllegalArgumentException saying what is wrong. */
    public static String evaluateAndFormat(String source) {
        int bar = source.lastIndexOf('|');
        String expression = bar < 0 ? source : source.substring(0, bar);
        String format = bar < 0 ? "" : source.substring(bar + 1).strip();
        return CalcFormat.format(evaluate(expression), format);
    }

    /** The value of an expression: a Double or a double[]. */
    public static Object evaluate(String expression) {
        Calc calc = new Calc(expression);
        Object value = calc.sum();
        calc.skipSpace();
        if (calc.at < calc.text.length()) {
            throw new IllegalArgumentException("unexpected \"" + calc.text.substring(calc.at).strip() + "\" in \"" + expression.strip() + "\"");
        }
        return value;
    }

    // ---- parsing, by precedence: sum > product > unary minus > power > atom ----

    private Object sum() {
        Object left = product();
        while (true) {
            if (eat('+')) {
                left = combine(left, product(), '+');
            } else if (eat('-')) {
                left = combine(left, product(), '-');
            } else {
                return left;
            }
        }
    }

    private Object product() {
        Object left = unary();
        while (true) {
            if (eat('*') || eat('×')) {
                left = combine(left, unary(), '*');
            } else if (eat('/')) {
                left = combine(left, unary(), '/');
            } else {
                return left;
            }
        }
    }

    private Object unary() {
        if (eat('-')) {
            return combine(0.0, unary(), '-');
        }
        return power();
    }

    private Object power() {
        Object base = atom();
        if (eat('^')) {
            return combine(base, unary(), '^');
        }
        return base;
    }

    private Object atom() {
        skipSpace();
        if (eat('(')) {
            Object inner = sum();
            expect(')');
            return inner;
        }
        if (eat('[')) {
            List<Double> items = new ArrayList<>();
            do {
                items.add(CalcFunctions.scalar(sum(), "a vector's entries"));
            } while (eat(','));
            expect(']');
            return items.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.' || text.charAt(at) == '_')) {
                at++;
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')
                    && at + 1 < text.length() && (Character.isDigit(text.charAt(at + 1)) || text.charAt(at + 1) == '-')) {
                at += 2;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            }
            String number = text.substring(start, at).replace("_", "");
            try {
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + number + "\" is not a number");
            }
        }
        if (at < text.length() && Character.isLetter(text.charAt(at))) {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            String name = text.substring(start, at);
            if (eat('(')) {
                List<Object> args = new ArrayList<>();
                if (!eat(')')) {
                    do {
                        args.add(sum());
                    } while (eat(','));
                    expect(')');
                }
                return CalcFunctions.call(name, args);
            }
            return switch (name) {
                case "pi" -> Math.PI;
                case "e" -> Math.E;
                default -> throw new IllegalArgumentException("unknown name \"" + name + "\"");
            };
        }
        throw new IllegalArgumentException(at < text.length()
                ? "unexpected \"" + text.charAt(at) + "\" in \"" + text.strip() + "\""
                : "\"" + text.strip() + "\" ends too soon");
    }

    private static Object combine(Object left, Object right, char op) {
        if (left instanceof double[] a && right instanceof double[] b) {
            if (a.length != b.length) {
                throw new IllegalArgumentException("cannot combine vectors of lengths " + a.length + " and " + b.length);
            }
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = apply(a[i], b[i], op);
            }
            return out;
        }
        if (left instanceof double[] a) {
            return CalcFunctions.map(a, x -> apply(x, (Double) right, op));
        }
        if (right instanceof double[] b) {
            return CalcFunctions.map(b, x -> apply((Double) left, x, op));
        }
        return apply((Double) left, (Double) right, op);
    }

    private static double apply(double a, double b, char op) {
        return switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            case '/' -> {
                if (b == 0) {
                    throw new IllegalArgumentException("division by zero");
                }
                yield a / b;
            }
            default -> Math.pow(a, b);
        };
    }

    private boolean eat(char c) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new IllegalArgumentException("expected \"" + c + "\" in \"" + text.strip() + "\"");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
