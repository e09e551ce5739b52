package attentionbook.book;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every worked example's NumPy and PyTorch code, run with python3: each prints the matrices its page
 * shows, and each printed number must be the attention core's, to the page's decimals.
 */
class ExampleCodeTest {
    private static final Pattern EXAMPLE = Pattern.compile("```example\\n(.*?)```", Pattern.DOTALL);
    private static final List<Example> EXAMPLES = new ArrayList<>();

    /** One example block: where it is, its code, and the matrices the core computes for it, in the page's order. */
    record Example(String where, ExampleCode code, List<double[][]> expected, int digits) {
    }

    @BeforeAll
    static void collect() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            for (Path file : files.sorted().toList()) {
                Matcher m = EXAMPLE.matcher(Files.readString(file));
                while (m.find()) {
                    EXAMPLES.add(example(file.getFileName() + " example " + (EXAMPLES.size() + 1), m.group(1)));
                }
            }
        }
    }

    static Example example(String where, String json) {
        JsonNode body = ExampleDirective.parse(json);
        AttentionInputs in = AttentionInputs.from(body);
        AttentionTrace trace = Attention.run(in.x(), in.spec());
        List<String> steps = ExampleDirective.stepsToShow(body);
        List<Integer> heads = ExampleDirective.headsToShow(body, in.spec().heads());
        int digits = body.has("digits") ? body.get("digits").asInt() : 2;
        boolean transpose = body.has("transpose") && body.get("transpose").asBoolean();
        List<double[][]> expected = new ArrayList<>();
        for (String step : steps) {
            for (Matrix matrix : matrices(step, in, trace, heads)) {
                expected.add(transpose ? matrix.transpose().toArray() : matrix.toArray());
            }
        }
        return new Example(where, ExampleCode.of(in, new ExampleCode.Shown(steps, heads, digits, transpose)), expected, digits);
    }

    private static List<Matrix> matrices(String step, AttentionInputs in, AttentionTrace trace, List<Integer> heads) {
        return switch (step) {
            case "x" -> List.of(in.x());
            case "wq" -> List.of(in.spec().wq());
            case "wk" -> List.of(in.spec().wk());
            case "wv" -> List.of(in.spec().wv());
            case "wo" -> List.of(in.spec().wo());
            case "q" -> List.of(trace.q());
            case "k" -> List.of(trace.k());
            case "v" -> List.of(trace.v());
            case "concat" -> List.of(trace.concat());
            case "output" -> List.of(trace.output());
            default -> heads.stream().map(h -> {
                HeadTrace head = trace.heads().get(h);
                return switch (step) {
                    case "scores" -> head.scores();
                    case "scaled" -> head.scaled();
                    case "masked" -> head.masked();
                    case "weights" -> head.weights();
                    default -> head.output();
                };
            }).toList();
        };
    }

    @Test
    void theBookHasWorkedExamplesInEveryCoreChapter() {
        for (String chapter : List.of("03-", "04-", "05-", "06-", "07-", "08-", "09-")) {
            assertTrue(EXAMPLES.stream().anyMatch(e -> e.where().startsWith(chapter)), "no worked example in chapter " + chapter);
        }
    }

    @Test
    void everyNumpyProgramPrintsThePagesNumbers() throws Exception {
        checkAll(EXAMPLES.stream().map(e -> e.code().numpy()).toList(), "NumPy");
    }

    @Test
    void everyPytorchProgramPrintsThePagesNumbers() throws Exception {
        Assumptions.assumeTrue(python("import torch").exitCode == 0,
                "PyTorch is not installed for python3, so the worked examples' PyTorch code was not run (pip install torch to run it)");
        checkAll(EXAMPLES.stream().map(e -> e.code().pytorch()).toList(), "PyTorch");
    }

    @Test
    void aProgramThatDriftsFromThePageFails() throws Exception {
        Example one = EXAMPLES.get(0);
        String drifted = one.code().numpy().replace("X = np.array([[", "X = np.array([[1 + ");
        Run run = runAll(List.of(drifted));
        List<List<double[][]>> printed = parse(run.output, 1);
        assertTrue(!matches(printed.get(0), one.expected(), one.digits()), "a changed input must not print the page's numbers");
    }

    private static void checkAll(List<String> programs, String flavour) throws Exception {
        Run run = runAll(programs);
        assertEquals(0, run.exitCode, flavour + " programs failed:\n" + run.output);
        List<List<double[][]>> printed = parse(run.output, programs.size());
        for (int i = 0; i < EXAMPLES.size(); i++) {
            Example e = EXAMPLES.get(i);
            List<double[][]> got = printed.get(i);
            assertEquals(e.expected().size(), got.size(), e.where() + " (" + flavour + "): matrices printed");
            for (int m = 0; m < got.size(); m++) {
                double[][] want = e.expected().get(m);
                assertEquals(want.length, got.get(m).length, e.where() + " matrix " + (m + 1) + " rows");
                for (int r = 0; r < want.length; r++) {
                    assertEquals(want[r].length, got.get(m)[r].length, e.where() + " matrix " + (m + 1) + " columns");
                    for (int c = 0; c < want[r].length; c++) {
                        double w = want[r][c];
                        double g = got.get(m)[r][c];
                        String at = e.where() + " (" + flavour + ") matrix " + (m + 1) + " row " + (r + 1) + " column " + (c + 1);
                        if (Double.isInfinite(w)) {
                            assertEquals(w, g, at);
                        } else {
                            assertEquals(w, g, 0.5 * Math.pow(10, -e.digits()) + 1e-9, at);
                        }
                    }
                }
            }
        }
    }

    private static boolean matches(List<double[][]> got, List<double[][]> want, int digits) {
        for (int m = 0; m < want.size(); m++) {
            for (int r = 0; r < want.get(m).length; r++) {
                for (int c = 0; c < want.get(m)[r].length; c++) {
                    double w = want.get(m)[r][c];
                    double g = got.get(m)[r][c];
                    if (!(w == g || Math.abs(w - g) <= 0.5 * Math.pow(10, -digits) + 1e-9)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The printed matrices of each program, split at the "=== n" lines the driver prints between them. */
    private static List<List<double[][]>> parse(String output, int programs) {
        List<List<double[][]>> all = new ArrayList<>();
        List<double[][]> current = null;
        List<double[]> rows = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("=== ")) {
                current = new ArrayList<>();
                all.add(current);
                rows = null;
            } else if (line.startsWith("  ")) {
                String[] cells = line.strip().split("\\s+");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = cells[i].equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(cells[i]);
                }
                rows.add(row);
                current.set(current.size() - 1, rows.toArray(new double[0][]));
            } else if (!line.isBlank()) {
                rows = new ArrayList<>();
                current.add(new double[0][]);
            }
        }
        assertEquals(programs, all.size(), "programs that ran:\n" + output);
        return all;
    }

    record Run(int exitCode, String output) {
    }

    /** Runs the programs one after another in one python3, each in its own namespace. */
    private static Run runAll(List<String> programs) throws Exception {
        Path dir = Files.createTempDirectory("example-code");
        StringBuilder driver = new StringBuilder("import sys\n");
        for (int i = 0; i < programs.size(); i++) {
            Path file = dir.resolve("example" + i + ".py");
            Files.writeString(file, programs.get(i));
            driver.append("print('=== ").append(i).append("')\nexec(compile(open(").append(pythonString(file.toString()))
                    .append(", encoding='utf-8').read(), ").append(pythonString(file.toString())).append(", 'exec'), {})\n");
        }
        return python(driver.toString());
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static Run python(String code) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, "python3 did not finish in 10 minutes\n" + output);
        }
        return new Run(process.exitValue(), output);
    }
}
