package attentionbook.book;

import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;

import java.util.List;
import java.util.Locale;

/**
 * A worked example as code a reader can run: the same inputs, the same conventions (tokens are rows,
 * head n takes a contiguous block of columns, the causal mask hides only the future), printing the
 * matrices the page shows, in the page's order and to its number of decimals. Written from the
 * example's own inputs when the book loads, so the code cannot drift from the page.
 */
public record ExampleCode(String numpy, String pytorch) {

    /** What the page shows: its steps, the heads whose matrices it shows (from 0), decimals, transposed or not. */
    public record Shown(List<String> steps, List<Integer> heads, int digits, boolean transpose) {
    }

    public static ExampleCode of(AttentionInputs in, Shown shown) {
        return new ExampleCode(write(in, shown, Flavour.NUMPY), write(in, shown, Flavour.PYTORCH));
    }

    private enum Flavour {
        NUMPY("import numpy as np", "np.array(", ", dtype=float)", "np.full((T, T), -np.inf)", "np.triu(%s, k=1)",
                "np.zeros((T, T))", "np.sqrt(d_k)", "np.concatenate(outputs, axis=1)"),
        PYTORCH("import torch", "torch.tensor(", ", dtype=torch.float64)", "torch.full((T, T), float(\"-inf\"), dtype=torch.float64)",
                "torch.triu(%s, diagonal=1)", "torch.zeros((T, T), dtype=torch.float64)", "d_k ** 0.5", "torch.cat(outputs, dim=1)");

        final String imports;
        final String open;
        final String close;
        final String minusInfinity;
        final String upper;
        final String zeros;
        final String root;
        final String concat;

        Flavour(String imports, String open, String close, String minusInfinity, String upper, String zeros, String root, String concat) {
            this.imports = imports;
            this.open = open;
            this.close = close;
            this.minusInfinity = minusInfinity;
            this.upper = upper;
            this.zeros = zeros;
            this.root = root;
            this.concat = concat;
        }
    }

    private static String write(AttentionInputs in, Shown shown, Flavour f) {
        AttentionSpec spec = in.spec();
        StringBuilder py = new StringBuilder();
        py.append(spec.rope() ? "import math\n" : "").append(f.imports).append("\n\n");
        py.append("# The example's inputs: one token per row (").append(String.join(", ", in.tokens())).append(").\n");
        py.append(matrix("X", in.x(), f));
        py.append(matrix("Wq", spec.wq(), f)).append(matrix("Wk", spec.wk(), f)).append(matrix("Wv", spec.wv(), f));
        if (spec.wo() != null) {
            py.append(matrix("Wo", spec.wo(), f));
        }
        py.append("h = ").append(spec.heads()).append("   # heads\n");
        py.append("g = ").append(spec.kvHeads()).append("   # key/value heads: query head n reads key/value head n * g // h\n");
        py.append("d_k = Wq.shape[1] // h   # per-head query and key width\n");
        py.append("d_v = Wv.shape[1] // g   # per-head value width\n");
        py.append("causal = ").append(spec.causal() ? "True" : "False").append("\n");
        if (spec.window() > 0) {
            py.append("window = ").append(spec.window()).append("   # row i sees columns j with i - window < j <= i\n");
        }
        py.append("scale = ").append(spec.scale() ? "True" : "False").append("\n\n");
        py.append("def show(name, m):\n");
        py.append("    print(name)\n");
        py.append("    for row in m").append(f == Flavour.PYTORCH ? ".tolist()" : "").append(":\n");
        py.append("        print(\"  \" + \"  \".join(f\"{v:8.").append(shown.digits()).append("f}\" for v in row))\n\n");
        py.append("T = X.shape[0]\n");
        py.append("Q, K, V = X @ Wq, X @ Wk, X @ Wv\n");
        py.append("M = ").append(String.format(Locale.ROOT, f.upper, f.minusInfinity)).append(" if causal else ").append(f.zeros)
                .append("  # -inf above the diagonal: a token sees itself and earlier tokens\n");
        if (spec.window() > 0) {
            py.append("for i in range(T):\n    for j in range(T):\n        if j <= i - window:\n")
                    .append("            M[i, j] = float(\"-inf\")   # too far back for the window\n");
        }
        if (spec.rope()) {
            py.append("\ndef rope(m):\n    \"\"\"Turns pair (2i, 2i+1) of the row at position p by the angle p * 10000**(-2i/d_k).\"\"\"\n")
                    .append("    out = m").append(f == Flavour.PYTORCH ? ".clone()" : ".copy()").append("\n")
                    .append("    for p in range(m.shape[0]):\n        for i in range(m.shape[1] // 2):\n")
                    .append("            a = p * 10000.0 ** (-2 * i / m.shape[1])\n")
                    .append("            c, s = math.cos(a), math.sin(a)\n")
                    .append("            x, y = m[p, 2 * i], m[p, 2 * i + 1]\n")
                    .append("            out[p, 2 * i], out[p, 2 * i + 1] = x * c - y * s, x * s + y * c\n")
                    .append("    return out\n\n");
        }
        py.append("scores, scaled, masked, weights, outputs = [], [], [], [], []\n");
        py.append("for n in range(h):\n");
        py.append("    qs = slice(n * d_k, (n + 1) * d_k)   # head n: a contiguous block of columns\n");
        py.append("    kv = n * g // h                       # the key/value head it reads\n");
        py.append("    ks = slice(kv * d_k, (kv + 1) * d_k)\n");
        py.append("    vs = slice(kv * d_v, (kv + 1) * d_v)\n");
        if (spec.rope()) {
            py.append("    S = rope(Q[:, qs]) @ rope(K[:, ks]).T   # positions enter by rotating q and k\n");
        } else {
            py.append("    S = Q[:, qs] @ K[:, ks].T\n");
        }
        py.append("    S_scaled = S / ").append(f.root).append(" if scale else S\n");
        py.append("    S_masked = S_scaled + M\n");
        if (f == Flavour.NUMPY) {
            py.append("    E = np.exp(S_masked - S_masked.max(axis=1, keepdims=True))  # stable: subtract each row's maximum\n");
            py.append("    A = E / E.sum(axis=1, keepdims=True)                        # softmax along each row\n");
        } else {
            py.append("    A = torch.softmax(S_masked, dim=1)   # along each row\n");
        }
        py.append("    scores.append(S)\n    scaled.append(S_scaled)\n    masked.append(S_masked)\n    weights.append(A)\n");
        py.append("    outputs.append(A @ V[:, vs])\n");
        py.append("concat = ").append(f.concat).append("\n");
        py.append("output = ").append(spec.wo() != null ? "concat @ Wo" : "concat").append("\n\n");
        py.append("# The matrices the page shows").append(shown.transpose() ? ", transposed as the page prints them" : "").append(":\n");
        for (String step : shown.steps()) {
            for (String[] line : shows(step, spec, shown)) {
                py.append("show(\"").append(line[0]).append("\", ").append(line[1]).append(shown.transpose() ? ".T" : "").append(")\n");
            }
        }
        return py.toString();
    }

    /** The show() calls for one step: its name as the page prints it, and the expression that holds it. */
    private static List<String[]> shows(String step, AttentionSpec spec, Shown shown) {
        boolean many = spec.heads() > 1;
        String t = shown.transpose() ? "ᵀ" : "";
        return switch (step) {
            case "x" -> List.<String[]>of(new String[]{"X" + t, "X"});
            case "wq" -> List.<String[]>of(new String[]{"Wq" + t, "Wq"});
            case "wk" -> List.<String[]>of(new String[]{"Wk" + t, "Wk"});
            case "wv" -> List.<String[]>of(new String[]{"Wv" + t, "Wv"});
            case "wo" -> List.<String[]>of(new String[]{"Wo" + t, "Wo"});
            case "q" -> List.<String[]>of(new String[]{"Q = X·Wq" + t, "Q"});
            case "k" -> List.<String[]>of(new String[]{"K = X·Wk" + t, "K"});
            case "v" -> List.<String[]>of(new String[]{"V = X·Wv" + t, "V"});
            case "concat" -> List.<String[]>of(new String[]{"concat(heads)" + t, "concat"});
            case "output" -> List.<String[]>of(new String[]{"output" + t, "output"});
            default -> shown.heads().stream().map(h -> {
                String list = switch (step) {
                    case "scores", "scaled", "masked", "weights" -> step;
                    default -> "outputs";
                };
                String label = switch (step) {
                    case "scores" -> "scores Q·Kᵀ";
                    case "scaled" -> spec.scale() ? "scaled Q·Kᵀ / √d_k" : "unscaled Q·Kᵀ";
                    case "masked" -> spec.causal() ? "masked scores" : "scores (no mask)";
                    case "weights" -> "weights A";
                    default -> "A·V";
                };
                return new String[]{label + t + (many ? " (head " + (h + 1) + ")" : ""), list + "[" + h + "]"};
            }).toList();
        };
    }

    private static String matrix(String name, Matrix m, Flavour f) {
        StringBuilder py = new StringBuilder(name).append(" = ").append(f.open).append("[");
        String indent = " ".repeat(name.length() + 3 + f.open.length() + 1);
        for (int r = 0; r < m.rows(); r++) {
            py.append(r == 0 ? "[" : ",\n" + indent + "[");
            for (int c = 0; c < m.cols(); c++) {
                py.append(c == 0 ? "" : ", ").append(number(m.get(r, c)));
            }
            py.append("]");
        }
        return py.append("]").append(f.close).append("\n").toString();
    }

    /** A number as Python reads it back exactly: whole numbers without a decimal point. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }
}
