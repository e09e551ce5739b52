package attentionbook.book;

import attentionbook.attention.Costs;
import attentionbook.attention.Decimals;
import attentionbook.attention.Softmax;

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
                items.add(scalar(sum(), "a vector's entries"));
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
                return call(name, args);
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

    private static Object call(String name, List<Object> args) {
        switch (name) {
            case "sqrt", "exp", "ln", "log2", "log10", "abs", "floor", "ceil" -> {
                arity(name, args, 1);
                return map(args.get(0), x -> switch (name) {
                    case "sqrt" -> Math.sqrt(x);
                    case "exp" -> Math.exp(x);
                    case "ln" -> Math.log(x);
                    case "log2" -> Math.log(x) / Math.log(2);
                    case "log10" -> Math.log10(x);
                    case "abs" -> Math.abs(x);
                    case "floor" -> Math.floor(x);
                    default -> Math.ceil(x);
                });
            }
            case "round" -> {
                arity(name, args, 2);
                int digits = (int) whole(args, 1, name);
                if (digits < 0 || digits > 12) {
                    throw new IllegalArgumentException("round keeps 0 to 12 decimals, not " + digits);
                }
                return map(args.get(0), x -> Decimals.round(x, digits).doubleValue());
            }
            case "min", "max" -> {
                double[] all = args.size() == 1 && args.get(0) instanceof double[] v ? v
                        : args.stream().mapToDouble(a -> scalar(a, name + "'s arguments")).toArray();
                if (all.length == 0) {
                    throw new IllegalArgumentException(name + " needs at least one number");
                }
                double best = all[0];
                for (double x : all) {
                    best = name.equals("min") ? Math.min(best, x) : Math.max(best, x);
                }
                return best;
            }
            case "sum", "mean" -> {
                arity(name, args, 1);
                double[] v = vector(args.get(0), name);
                double total = 0;
                for (double x : v) {
                    total += x;
                }
                return name.equals("sum") ? total : total / v.length;
            }
            case "dot" -> {
                arity(name, args, 2);
                double[] a = vector(args.get(0), name);
                double[] b = vector(args.get(1), name);
                if (a.length != b.length) {
                    throw new IllegalArgumentException("dot needs vectors of one length, not " + a.length + " and " + b.length);
                }
                double total = 0;
                for (int i = 0; i < a.length; i++) {
                    total += a[i] * b[i];
                }
                return total;
            }
            case "softmax" -> {
                if (args.isEmpty() || args.size() > 2) {
                    throw new IllegalArgumentException("softmax takes a vector and, optionally, a temperature");
                }
                double[] scores = vector(args.get(0), name);
                return args.size() == 1 ? Softmax.stable(scores) : Softmax.stable(scores, scalar(args.get(1), "the temperature"));
            }
            case "attn_params" -> {
                arity(name, args, 3);
                return (double) Costs.attentionParameters(whole(args, 0, name), whole(args, 1, name), whole(args, 2, name) != 0);
            }
            case "head_width" -> {
                arity(name, args, 2);
                return (double) Costs.headWidth(whole(args, 0, name), whole(args, 1, name));
            }
            case "kv_cache_bytes" -> {
                arity(name, args, 6);
                return (double) Costs.kvCacheBytes(whole(args, 0, name), whole(args, 1, name), whole(args, 2, name),
                        whole(args, 3, name), whole(args, 4, name), whole(args, 5, name));
            }
            case "score_grid_entries" -> {
                arity(name, args, 3);
                return (double) Costs.scoreGridEntries(whole(args, 0, name), whole(args, 1, name), whole(args, 2, name));
            }
            case "score_grid_bytes" -> {
                arity(name, args, 4);
                return (double) Costs.scoreGridBytes(whole(args, 0, name), whole(args, 1, name), whole(args, 2, name), whole(args, 3, name));
            }
            case "attention_madds" -> {
                arity(name, args, 5);
                return (double) Costs.attentionMultiplyAdds(whole(args, 0, name), whole(args, 1, name), whole(args, 2, name),
                        whole(args, 3, name), whole(args, 4, name));
            }
            default -> throw new IllegalArgumentException("unknown function \"" + name + "\"");
        }
    }

    private static long whole(List<Object> args, int index, String function) {
        double x = scalar(args.get(index), function + "'s arguments");
        if (x != Math.rint(x) || Math.abs(x) > 9e15) {
            throw new IllegalArgumentException(function + " needs whole numbers, but argument " + (index + 1) + " is " + x);
        }
        return (long) x;
    }

    private static void arity(String name, List<Object> args, int n) {
        if (args.size() != n) {
            throw new IllegalArgumentException(name + " takes " + n + (n == 1 ? " argument" : " arguments") + ", not " + args.size());
        }
    }

    private static Object map(Object value, java.util.function.DoubleUnaryOperator f) {
        if (value instanceof double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = f.applyAsDouble(v[i]);
            }
            return out;
        }
        return f.applyAsDouble((Double) value);
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
            return map(a, x -> apply(x, (Double) right, op));
        }
        if (right instanceof double[] b) {
            return map(b, x -> apply((Double) left, x, op));
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

    private static double scalar(Object value, String what) {
        if (value instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException(what + " must be numbers, not a vector");
    }

    private static double[] vector(Object value, String function) {
        if (value instanceof double[] v) {
            return v;
        }
        throw new IllegalArgumentException(function + " needs a vector such as [1, 2, 3]");
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
