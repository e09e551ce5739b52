package attentionbook.book;

import attentionbook.attention.Costs;
import attentionbook.attention.Decimals;
import attentionbook.attention.Softmax;

import java.util.List;

/**
 * The functions {@link Calc} knows, by name: the arithmetic ones (sqrt … round, min, max, sum, mean,
 * dot), the attention core's softmax and its cost arithmetic. Each checks its arguments and says
 * what is wrong with them.
 */
final class CalcFunctions {

    private CalcFunctions() {
    }

    /** The value of {@code name(args…)}: a Double or a double[]. */
    static Object call(String name, List<Object> args) {
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

    /** A function applied to a number, or to each entry of a vector. */
    static Object map(Object value, java.util.function.DoubleUnaryOperator f) {
        if (value instanceof double[] v) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = f.applyAsDouble(v[i]);
            }
            return out;
        }
        return f.applyAsDouble((Double) value);
    }

    static double scalar(Object value, String what) {
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
}
