package attentionbook.benchmarks;

import attentionbook.model.Inspection;
import attentionbook.model.RunConfig;
import attentionbook.model.Task;
import attentionbook.model.Trainer;
import attentionbook.model.TrainingResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Trains each named task with its default {@link RunConfig} in this thread and prints every snapshot
 * (step, loss, held-out accuracy, CPU seconds so far), then the first step at which the accuracy
 * reached the task's target (99% for copy, reverse and sort, 90% for induction and previous-token) and
 * the CPU seconds it took. CPU time, not wall clock: on a shared machine it hardly moves with the load.
 * Arguments: task keys (default: all five), optionally followed by key=value overrides of steps,
 * batch, lr, d_model, heads, layers, mlp, length, seed.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    public static void main(String[] args) {
        java.util.List<String> tasks = new java.util.ArrayList<>();
        java.util.Map<String, String> overrides = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.contains("=")) {
                overrides.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                tasks.add(arg);
            }
        }
        if (tasks.isEmpty()) {
            tasks = java.util.List.of("copy", "reverse", "sort", "previous-token", "induction");
        }
        for (String key : tasks) {
            train(override(RunConfig.defaults(Task.fromKey(key)), overrides));
        }
    }

    private static RunConfig override(RunConfig config, java.util.Map<String, String> values) {
        RunConfig c = config.withModel(
                Integer.parseInt(values.getOrDefault("layers", "" + config.layers())),
                Integer.parseInt(values.getOrDefault("heads", "" + config.heads())),
                Integer.parseInt(values.getOrDefault("d_model", "" + config.dModel())),
                Boolean.parseBoolean(values.getOrDefault("mlp", "" + config.mlp())));
        c = c.withTraining(Integer.parseInt(values.getOrDefault("steps", "" + c.steps())),
                Integer.parseInt(values.getOrDefault("batch", "" + c.batch())),
                Double.parseDouble(values.getOrDefault("lr", "" + c.lr())));
        c = c.withLength(Integer.parseInt(values.getOrDefault("length", "" + c.length())));
        return c.withSeed(Long.parseLong(values.getOrDefault("seed", "" + c.seed())));
    }

    private static void train(RunConfig config) {
        double target = config.task().exactSequence() ? 0.99 : 0.90;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        double[] reached = {-1, -1};
        System.out.println(config.canonical());
        TrainingResult result = new Trainer(config).run(snapshot -> {
            double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf("  step %5d  loss %.4f  accuracy %.4f  cpu %.1f s%n",
                    snapshot.step(), snapshot.loss(), snapshot.accuracy(), cpu);
            if (reached[0] < 0 && snapshot.accuracy() >= target) {
                reached[0] = snapshot.step();
                reached[1] = cpu;
            }
        });
        System.out.printf("%s: %s after %d steps, %.1f s CPU (%.1f s wall), final accuracy %.4f; target %.0f%% %s%n",
                config.task().key(), result.outcome(), result.steps(), result.cpuSeconds(),
                (System.nanoTime() - wallStart) / 1e9, result.last().accuracy(), target * 100,
                reached[0] < 0 ? "not reached" : String.format("reached at step %d, %.1f s CPU", (int) reached[0], reached[1]));
        printAttention(config.task(), result.last().probe());
    }

    /** For each head, each probe token and the token it attends to most, with that weight. */
    private static void printAttention(Task task, Inspection probe) {
        int[] tokens = probe.tokens();
        StringBuilder text = new StringBuilder("  probe:");
        for (int token : tokens) {
            text.append(' ').append(task.tokenText(token));
        }
        System.out.println(text);
        for (int l = 0; l < probe.layers().size(); l++) {
            for (int h = 0; h < probe.layers().get(l).heads().size(); h++) {
                double[][] weights = probe.layers().get(l).heads().get(h);
                StringBuilder row = new StringBuilder(String.format("  layer %d head %d, row → most-attended:", l, h));
                for (int i = 0; i < weights.length; i++) {
                    int best = 0;
                    for (int j = 1; j <= i; j++) {
                        best = weights[i][j] > weights[i][best] ? j : best;
                    }
                    row.append(String.format(" %d→%d(%.2f)", i, best, weights[i][best]));
                }
                System.out.println(row);
            }
        }
    }
}
