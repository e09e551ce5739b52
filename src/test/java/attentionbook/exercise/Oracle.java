package attentionbook.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' own arithmetic, independent of the core: from what an exercise shows a learner (its
 * prompt, its given tables, the name of its answer) it computes the right answer and the answers
 * of the main mistakes with plain loops and Math.exp, as a learner with a calculator would.
 */
final class Oracle {
    private static final double NEG = Double.NEGATIVE_INFINITY;

    /** The right answer and, by mistake key, what a learner making that mistake writes (unrounded). */
    record Case(double[][] answer, Map<String, double[][]> mistakes) {
    }

    private Oracle() {
    }

    static Case of(Exercise e) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        String prompt = plain(String.join(" ", e.prompt()));
        switch (e.kind()) {
            case "pipeline-shapes": {
                int[] btd = ints(prompt, "\\[B, T, d_model\\] = \\[(\\d+), (\\d+), (\\d+)\\]");
                int dk = ints(prompt, "shape \\[\\d+, (\\d+)\\] \\(d_model × d_k\\)")[0];
                int b = btd[0], t = btd[1], d = btd[2];
                m.put("q-keeps-width", new double[][]{{b, t, d}, {b, t, t}, {b, t, d}});
                m.put("scores-no-transpose", new double[][]{{b, t, dk}, {b, t, dk}, {b, t, dk}});
                m.put("scores-inner", new double[][]{{b, t, dk}, {b, dk, dk}, {b, t, dk}});
                m.put("forgot-batch", new double[][]{{1, t, dk}, {1, t, t}, {1, t, dk}});
                return new Case(new double[][]{{b, t, dk}, {b, t, t}, {b, t, dk}}, m);
            }
            case "element-count": {
                int[] btd = ints(prompt, "\\[B, T, d_model\\] = \\[(\\d+), (\\d+), (\\d+)\\]");
                int dk = ints(prompt, "Wq has shape \\[\\d+, (\\d+)\\]")[0];
                double b = btd[0], t = btd[1], d = btd[2];
                m.put("linear-in-t", new double[][]{{b * t * d, b * t * dk, b * t}});
                m.put("forgot-batch", new double[][]{{t * d, t * dk, t * t}});
                m.put("scores-like-q", new double[][]{{b * t * d, b * t * dk, b * t * dk}});
                return new Case(new double[][]{{b * t * d, b * t * dk, b * t * t}}, m);
            }
            case "projection-row": {
                String name = e.form().name();                       // "k₂"
                int i = subscript(name) - 1;
                double[][] w = table(e, "W" + name.charAt(0));
                double[][] x = table(e, "X");
                m.put("rows-of-w", new double[][]{mul(new double[][]{x[i]}, transpose(w))[0]});
                m.put("counted-from-zero", new double[][]{mul(new double[][]{x[i + 1]}, w)[0]});
                return new Case(new double[][]{mul(new double[][]{x[i]}, w)[0]}, m);
            }
            case "projection-matrix": {
                String name = e.form().name();                       // "K = X·Wk"
                double[][] w = table(e, name.substring(name.indexOf("·") + 1));
                double[][] x = table(e, "X");
                m.put("rows-of-w", mul(x, transpose(w)));
                String[] others = {"Wq", "Wk", "Wv"};
                int n = 1;
                for (String other : others) {
                    if (!name.endsWith(other)) {
                        m.put("wrong-projection-" + n++, mul(x, table(e, other)));
                    }
                }
                return new Case(mul(x, w), m);
            }
            case "score": {
                int[] ij = subscripts(e.form().name());             // "the score s₂₃"
                double[][] q = table(e, "Q");
                double[][] k = table(e, "K");
                int i = ij[0] - 1, j = ij[1] - 1;
                m.put("query-key-swapped", new double[][]{{dot(q[j], k[i])}});
                m.put("two-queries", new double[][]{{dot(q[i], q[j])}});
                return new Case(new double[][]{{dot(q[i], k[j])}}, m);
            }
            case "score-grid": {
                double[][] q = table(e, "Q");
                double[][] k = table(e, "K");
                m.put("no-transpose", mul(q, k));
                m.put("grid-transposed", mul(k, transpose(q)));
                m.put("two-queries", mul(q, transpose(q)));
                return new Case(mul(q, transpose(k)), m);
            }
            case "scaled-score":
            case "scale-grid": {
                double[][] raw;
                if (e.kind().equals("scaled-score")) {
                    double[][] pair = e.given().get(0).values().toArray();
                    raw = new double[][]{{dot(pair[0], pair[1])}};
                } else {
                    raw = table(e, "S = Q·Kᵀ");
                }
                int d = ints(prompt, "d_model = (\\d+)")[0];
                int h = ints(prompt, "h = (\\d+) heads")[0];
                double dk = (double) d / h;
                m.put("unscaled", raw);
                m.put("sqrt-d-model", divide(raw, Math.sqrt(d)));
                m.put("divided-by-dk", divide(raw, dk));
                m.put("sqrt-heads", divide(raw, Math.sqrt(h)));
                return new Case(divide(raw, Math.sqrt(dk)), m);
            }
            case "causal-mask": {
                double[][] s = table(e, "scaled scores");
                m.put("hid-diagonal", mask(s, (i, j) -> j >= i, NEG));
                m.put("wrong-side", mask(s, (i, j) -> j < i, NEG));
                m.put("zeros", mask(s, (i, j) -> j > i, 0));
                m.put("no-mask", s);
                m.put("large-negative", mask(s, (i, j) -> j > i, -1e9));
                return new Case(mask(s, (i, j) -> j > i, NEG), m);
            }
            case "masked-softmax": {
                double[][] s = table(e, "scaled scores");
                int i = Integer.parseInt(e.form().name().replaceAll("\\D+", "")) - 1;   // "weights, row 2"
                double[] row = s[i];
                double[] afterSoftmax = softmax(row);
                for (int j = i + 1; j < row.length; j++) {
                    afterSoftmax[j] = 0;
                }
                m.put("after-softmax", new double[][]{afterSoftmax});
                m.put("no-mask", new double[][]{softmax(row)});
                m.put("hid-diagonal", new double[][]{softmax(mask(new double[][]{row}, (r, j) -> j >= i, NEG)[0])});
                return new Case(new double[][]{softmax(mask(new double[][]{row}, (r, j) -> j > i, NEG)[0])}, m);
            }
            case "softmax-row": {
                double[] row = table(e, "scores")[0];
                double max = Double.NEGATIVE_INFINITY;
                for (double v : row) {
                    max = Math.max(max, v);
                }
                double[] exps = new double[row.length];
                double[] flipped = new double[row.length];
                for (int j = 0; j < row.length; j++) {
                    exps[j] = Math.exp(row[j] - max);
                    flipped[j] = -row[j];
                }
                m.put("not-normalised", new double[][]{exps});
                m.put("sign-flipped", new double[][]{softmax(flipped)});
                return new Case(new double[][]{softmax(row)}, m);
            }
            case "softmax-grid": {
                double[][] s = table(e, "S");
                m.put("columns", transpose(softmaxRows(transpose(s))));
                double[] flat = new double[s.length * s.length];
                for (int r = 0; r < s.length; r++) {
                    System.arraycopy(s[r], 0, flat, r * s.length, s.length);
                }
                double[] all = softmax(flat);
                double[][] whole = new double[s.length][s.length];
                for (int r = 0; r < s.length; r++) {
                    System.arraycopy(all, r * s.length, whole[r], 0, s.length);
                }
                m.put("whole-grid", whole);
                return new Case(softmaxRows(s), m);
            }
            case "weighted-sum-row":
            case "weighted-sum": {
                double[][] a = table(e, "weights A");
                double[][] k = table(e, "K");
                double[][] v = table(e, "V");
                if (e.kind().equals("weighted-sum")) {
                    m.put("used-keys", mul(a, k));
                    m.put("weights-transposed", mul(transpose(a), v));
                    return new Case(mul(a, v), m);
                }
                int i = subscript(e.form().name()) - 1;                // "o₁"
                m.put("used-keys", new double[][]{mul(a, k)[i]});
                m.put("weights-column", new double[][]{mul(transpose(a), v)[i]});
                return new Case(new double[][]{mul(a, v)[i]}, m);
            }
            case "head-shapes": {
                int d = ints(prompt, "d_model = (\\d+)")[0];
                int h = ints(prompt, "h = (\\d+) heads")[0];
                int t = ints(prompt, "T = (\\d+) tokens")[0];
                int dk = d / h;
                m.put("more-heads-more-weights", new double[][]{{d, h * d}, {t, d}, {t, t}, {t, h * d}});
                m.put("scores-head-width", new double[][]{{d, d}, {t, dk}, {t, dk}, {t, d}});
                m.put("no-split", new double[][]{{d, d}, {t, d}, {t, t}, {t, d}});
                return new Case(new double[][]{{d, d}, {t, dk}, {t, t}, {t, d}}, m);
            }
            case "head-scores": {
                double[][] q = table(e, "Q");
                double[][] k = table(e, "K");
                int heads = ints(prompt, "h = (\\d+) heads")[0];
                int head = subscript(e.form().name()) - 1;             // "S₂"
                int dk = q[0].length / heads;
                m.put("no-split", mul(q, transpose(k)));
                int[] block = new int[dk];
                int[] strided = new int[dk];
                for (int c = 0; c < dk; c++) {
                    block[c] = head * dk + c;
                    strided[c] = head + c * heads;
                }
                m.put("interleaved", mul(columns(q, strided), transpose(columns(k, strided))));
                return new Case(mul(columns(q, block), transpose(columns(k, block))), m);
            }
            case "parameter-count": {
                double layers = ints(prompt, "(\\d+) layers?")[0];
                double d = ints(prompt, "d_model = (\\d+)")[0];
                double h = ints(prompt, "h = (\\d+) heads")[0];
                boolean biases = prompt.contains("each with a bias");
                double perLayer = 4 * d * d + (biases ? 4 * d : 0);
                m.put("more-heads", new double[][]{{layers * perLayer * h}});
                m.put("forgot-wo", new double[][]{{layers * (3 * d * d + (biases ? 3 * d : 0))}});
                return new Case(new double[][]{{layers * perLayer}}, m);
            }
            case "kv-cache": {
                double layers = ints(prompt, "(\\d+) layers")[0];
                double heads = ints(prompt, "(\\d+) key/value heads?")[0];
                double width = ints(prompt, "of width (\\d+)")[0];
                double bytes = ints(prompt, "in (\\d+) bytes?")[0];
                double tokens = ints(prompt, "after (\\d+) tokens")[0];
                double batch = prompt.contains("one sequence") ? 1 : ints(prompt, "(\\d+) sequences at once")[0];
                double total = 2 * layers * batch * tokens * heads * width * bytes;
                m.put("only-keys", new double[][]{{total / 2}});
                m.put("cached-queries", new double[][]{{total * 3 / 2}});
                m.put("forgot-layers", new double[][]{{total / layers}});
                if (batch > 1) {
                    m.put("forgot-batch", new double[][]{{total / batch}});
                }
                return new Case(new double[][]{{total}}, m);
            }
            case "attention-cost": {
                double heads = ints(prompt, "h = (\\d+) heads")[0];
                double width = ints(prompt, "d_k = d_v = (\\d+)")[0];
                double tokens = ints(prompt, "T = (\\d+) tokens")[0];
                double batch = prompt.contains("one sequence") ? 1 : ints(prompt, "a batch of (\\d+)")[0];
                double cells = batch * heads * tokens * tokens;
                m.put("linear-in-t", new double[][]{{batch * heads * tokens, batch * heads * tokens * 2 * width}});
                m.put("only-scores", new double[][]{{cells, cells * width}});
                m.put("forgot-heads", new double[][]{{cells / heads, cells / heads * 2 * width}});
                m.put("flops", new double[][]{{cells, cells * 2 * width * 2}});
                if (batch > 1) {
                    m.put("forgot-batch", new double[][]{{cells / batch, cells / batch * 2 * width}});
                }
                return new Case(new double[][]{{cells, cells * 2 * width}}, m);
            }
            case "online-softmax-tile": {
                double[] first = signed(prompt, "first tile, scores (−?\\d+) and (−?\\d+)");
                double[] second = signed(prompt, "second tile brings the scores (−?\\d+) and (−?\\d+)");
                double max = Math.max(first[0], first[1]);
                double l = Math.exp(first[0] - max) + Math.exp(first[1] - max);
                double mNew = Math.max(max, Math.max(second[0], second[1]));
                double fresh = Math.exp(second[0] - mNew) + Math.exp(second[1] - mNew);
                double r = Math.exp(max - mNew);
                m.put("forgot-rescale", new double[][]{{mNew, r, l + fresh}});
                m.put("rescale-upside-down", new double[][]{{mNew, 1 / r, l / r + fresh}});
                return new Case(new double[][]{{mNew, r, l * r + fresh}}, m);
            }
            case "full-attention":
                return new Case(layer(e, prompt), m);
            default:
                return ModernOracle.of(e, prompt, m);
        }
    }

    /** A whole layer from X and the three projections: heads and mask as the prompt states them. */
    private static double[][] layer(Exercise e, String prompt) {
        double[][] x = table(e, "X");
        double[][] q = mul(x, table(e, "W_Q"));
        double[][] k = mul(x, table(e, "W_K"));
        double[][] v = mul(x, table(e, "W_V"));
        int heads = prompt.contains("with one head") ? 1 : ints(prompt, "with (\\d+) heads")[0];
        boolean causal = prompt.contains("under the causal mask");
        int dk = q[0].length / heads;
        double[][] out = new double[x.length][q[0].length];
        for (int h = 0; h < heads; h++) {
            int[] block = new int[dk];
            for (int c = 0; c < dk; c++) {
                block[c] = h * dk + c;
            }
            double[][] s = divide(mul(columns(q, block), transpose(columns(k, block))), Math.sqrt(dk));
            double[][] a = softmaxRows(causal ? mask(s, (i, j) -> j > i, NEG) : s);
            double[][] o = mul(a, columns(v, block));
            for (int r = 0; r < x.length; r++) {
                System.arraycopy(o[r], 0, out[r], h * dk, dk);
            }
        }
        return out;
    }

    /** The prompt as a learner reads it once the math is typeset: $d_\\text{model}$ is d_model, \\times is ×. */
    static String plain(String text) {
        return text.replace("$", "").replace("\\text{model}", "model").replace("\\times", "×").replace("\\cdot", "·")
                .replace("\\sqrt", "√").replace("{", "").replace("}", "").replaceAll("\\\\[a-z]+ ?", "").replaceAll(" +", " ");
    }

    static double[][] table(Exercise e, String name) {
        return e.given().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(e.kind() + " has no table " + name)).values().toArray();
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double[] softmax(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double[] out = new double[row.length];
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j] == NEG ? 0 : Math.exp(row[j] - max);
            sum += out[j];
        }
        for (int j = 0; j < row.length; j++) {
            out[j] /= sum;
        }
        return out;
    }

    static double[][] softmaxRows(double[][] s) {
        double[][] out = new double[s.length][];
        for (int r = 0; r < s.length; r++) {
            out[r] = softmax(s[r]);
        }
        return out;
    }

    interface Hidden {
        boolean at(int i, int j);
    }

    static double[][] mask(double[][] s, Hidden hidden, double fill) {
        double[][] out = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].clone();
            for (int j = 0; j < s[i].length; j++) {
                if (hidden.at(i, j)) {
                    out[i][j] = fill;
                }
            }
        }
        return out;
    }

    static double[][] divide(double[][] a, double by) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = a[i][j] / by;
            }
        }
        return out;
    }

    static double[][] columns(double[][] a, int[] picked) {
        double[][] out = new double[a.length][picked.length];
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < picked.length; c++) {
                out[i][c] = a[i][picked[c]];
            }
        }
        return out;
    }

    /** The answer as a learner writes it: each cell rounded half up to the decimals asked for. */
    static double[][] rounded(double[][] a, int decimals) {
        double scale = Math.pow(10, decimals);
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = Double.isInfinite(a[i][j]) ? a[i][j] : Math.floor(a[i][j] * scale + 0.5) / scale;
            }
        }
        return out;
    }

    /** Whole numbers with the book's minus sign (−) captured by the regex's groups. */
    private static double[] signed(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no /" + regex + "/ in: " + text);
        }
        double[] out = new double[matcher.groupCount()];
        for (int g = 0; g < out.length; g++) {
            out[g] = Double.parseDouble(matcher.group(g + 1).replace('−', '-'));
        }
        return out;
    }

    static int[] ints(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no /" + regex + "/ in: " + text);
        }
        int[] out = new int[matcher.groupCount()];
        for (int g = 0; g < out.length; g++) {
            out[g] = Integer.parseInt(matcher.group(g + 1));
        }
        return out;
    }

    /** "k₂" → 2 */
    static int subscript(String text) {
        return subscripts(text)[0];
    }

    /** "s₂₃" → {2, 3} (one digit each, as in the exercises) */
    static int[] subscripts(String text) {
        return text.chars().filter(c -> c >= '₀' && c <= '₉').map(c -> c - '₀').toArray();
    }
}
