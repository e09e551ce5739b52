package attentionbook.benchmarks;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.Matrix;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Time for one full {@link Attention#run} (every intermediate kept in the trace) at four sizes:
 * a widget (T=6, d_model=3, 1 head), a chapter example (T=16, d_model=64, 4 heads), the largest
 * sequence the API accepts (T=16, d_model=16, 8 heads) and a large causal layer (T=512, d_model=512,
 * 8 heads). How to run it: README.md next to this file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 1)
public class AttentionBenchmark {

    /**
     * widget: T=6, d=3, 1 head; chapter: T=16, d=64, 4 heads; limit: the API's largest sequence
     * (T=16, d=64, 8 heads, causal, see AttentionLimits); large: T=512, d=512, 8 heads, causal
     */
    @Param({"widget", "chapter", "limit", "large"})
    public String size;

    private Matrix x;
    private AttentionSpec spec;

    @Setup
    public void setUp() {
        switch (size) {
            case "widget": build(6, 3, 1, false); break;
            case "chapter": build(16, 64, 4, false); break;
            case "limit": build(16, 64, 8, true); break;
            case "large": build(512, 512, 8, true); break;
            default: throw new IllegalArgumentException("unknown size " + size);
        }
    }

    private void build(int tokens, int dModel, int heads, boolean causal) {
        SplittableRandom random = new SplittableRandom(2024);
        double bound = 1.0 / Math.sqrt(dModel);   // keeps the scores of order 1, as trained weights would
        x = random(random, tokens, dModel, 1.0);
        spec = new AttentionSpec(random(random, dModel, dModel, bound), random(random, dModel, dModel, bound),
                random(random, dModel, dModel, bound), random(random, dModel, dModel, bound), heads, causal, true);
    }

    static Matrix random(SplittableRandom random, int rows, int cols, double bound) {
        double[][] cells = new double[rows][cols];
        for (double[] row : cells) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextDouble(-bound, bound);
            }
        }
        return Matrix.of(cells);
    }

    @Benchmark
    public AttentionTrace run() {
        return Attention.run(x, spec);
    }

    /** Runs this benchmark; JMH command-line options (e.g. -p size=widget -f 1) may be passed as arguments. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(AttentionBenchmark.class.getName())
                .build();
        new Runner(options).run();
    }
}
