package attentionbook.benchmarks;

import attentionbook.model.Example;
import attentionbook.model.RunConfig;
import attentionbook.model.Task;
import attentionbook.model.TinyGpt;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Training steps a second of the tiny GPT with each task's default config: one step is the forward
 * and backward pass over a batch (the optimiser's update, a few µs, is left out). The batch is drawn
 * once; the weights do not change between calls, so every call does the same arithmetic.
 * How to run it: README.md next to this file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class TinyGptBenchmark {

    @Param({"copy", "sort", "induction"})
    public String task;

    private TinyGpt model;
    private List<Example> batch;

    @Setup
    public void setUp() {
        RunConfig config = RunConfig.defaults(Task.fromKey(task));
        model = new TinyGpt(config.shape(), 1);
        SplittableRandom random = new SplittableRandom(2);
        batch = new ArrayList<>();
        for (int i = 0; i < config.batch(); i++) {
            batch.add(config.task().generate(config.length(), random));
        }
    }

    @Benchmark
    public double step() {
        return model.lossAndGradient(batch);
    }

    /** Runs this benchmark; JMH options (e.g. -p task=copy -f 1) may be passed as arguments. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(TinyGptBenchmark.class.getName()).build()).run();
    }
}
