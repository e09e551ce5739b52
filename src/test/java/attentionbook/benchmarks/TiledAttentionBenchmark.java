package attentionbook.benchmarks;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.Matrix;
import attentionbook.attention.TiledAttention;
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
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The naive core ({@link Attention#run}, which keeps every T×T grid of every head) against the tiled
 * one ({@link TiledAttention#run}, one tile of scores at a time) on the same causal layer: d_model 128,
 * 2 heads of width 64, with W_O, at T = 512 and T = 2048. Run with {@code -prof gc} to see the memory
 * each allocates. How to run it and the figures: README.md next to this file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class TiledAttentionBenchmark {

    @Param({"512", "2048"})
    public int tokens;

    @Param({"64"})
    public int tile;

    private Matrix x;
    private AttentionSpec spec;

    @Setup
    public void setUp() {
        int dModel = 128;
        SplittableRandom random = new SplittableRandom(2026);
        double bound = 1.0 / Math.sqrt(dModel);
        x = AttentionBenchmark.random(random, tokens, dModel, 1.0);
        spec = new AttentionSpec(AttentionBenchmark.random(random, dModel, dModel, bound), AttentionBenchmark.random(random, dModel, dModel, bound),
                AttentionBenchmark.random(random, dModel, dModel, bound), AttentionBenchmark.random(random, dModel, dModel, bound), 2, true, true);
    }

    @Benchmark
    public Matrix naive() {
        return Attention.run(x, spec).output();
    }

    @Benchmark
    public Matrix tiled() {
        return TiledAttention.run(x, spec, tile);
    }

    /** Runs this benchmark; JMH options (e.g. -p tokens=512 -prof gc) may be passed as arguments. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(TiledAttentionBenchmark.class.getName())
                .build();
        new Runner(options).run();
    }
}
