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

    /**
     * Runs this benchmark; JMH options (e.g. -p task=copy -f 1) may be passed as arguments. With the
     * argument "cpu" (optionally followed by task names) it prints instead the steps a second of CPU time of this thread, for each
     * task, after 5 s of CPU time of warm-up and over the next 10 s: unlike JMH's wall clock, a figure
     * that hardly moves when other processes crowd a shared machine's cores.
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length >= 1 && args[0].equals("cpu")) {
            String[] tasks = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                    : new String[] {"copy", "sort", "induction"};
            for (String name : tasks) {
                TinyGptBenchmark benchmark = new TinyGptBenchmark();
                benchmark.task = name;
                benchmark.setUp();
                benchmark.stepsPerCpuSecond(5e9);
                System.out.printf("%s: %.1f steps/s (CPU time)%n", name, benchmark.stepsPerCpuSecond(10e9));
            }
            return;
        }
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(TinyGptBenchmark.class.getName()).build()).run();
    }

    private double stepsPerCpuSecond(double nanos) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long steps = 0;
        double sink = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            sink += step();
            steps++;
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the loss is not a number");
        }
        return steps * 1e9 / (threads.getCurrentThreadCpuTime() - start);
    }
}
