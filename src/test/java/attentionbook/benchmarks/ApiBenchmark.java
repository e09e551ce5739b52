package attentionbook.benchmarks;

import attentionbook.book.Mappers;
import attentionbook.web.AttentionApi;
import attentionbook.web.AttentionLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
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

/**
 * Time for the work of one POST /api/attention without the network: parse the body's bytes, check
 * it, run the core, write the answer's bytes. "limit" is the largest request {@link AttentionLimits}
 * allows (T=16 tokens, every width 64, 8 heads, causal, with W_O; a batch may not hold more tokens), its numbers
 * written in full (16 or 17 significant digits); "widget" is what a widget sends (T=6, d=3, 1 head).
 * How to run it: README.md next to this file (through JMH's own main, org.openjdk.jmh.Main ApiBenchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)   // about a millisecond an operation: thousands of calls a warm-up iteration
@Measurement(iterations = 5, time = 1)
public class ApiBenchmark {

    @Param({"widget", "limit"})
    public String size;

    private byte[] body;

    @Setup
    public void setUp() throws JsonProcessingException {
        switch (size) {
            case "widget": body = body(1, 6, 3, 1); break;
            case "limit": body = body(1, AttentionLimits.MAX_TOKENS, AttentionLimits.MAX_WIDTH, AttentionLimits.MAX_HEADS); break;
            default: throw new IllegalArgumentException("unknown size " + size);
        }
        if (body.length > AttentionLimits.MAX_BODY_BYTES) {
            throw new IllegalStateException("the " + size + " body is " + body.length + " bytes, over the limit");
        }
    }

    private static byte[] body(int batch, int tokens, int width, int heads) throws JsonProcessingException {
        SplittableRandom random = new SplittableRandom(2024);
        ObjectNode json = Mappers.JSON.createObjectNode();
        ArrayNode x = json.putArray("x");
        for (int b = 0; b < batch; b++) {
            fill(batch == 1 ? x : x.addArray(), random, tokens, width, 1.0);
        }
        for (String w : new String[]{"wq", "wk", "wv", "wo"}) {
            fill(json.putArray(w), random, width, width, 1.0 / Math.sqrt(width));
        }
        json.put("heads", heads);
        json.put("causal", true);
        return Mappers.JSON.writeValueAsBytes(json);
    }

    private static void fill(ArrayNode matrix, SplittableRandom random, int rows, int cols, double bound) {
        for (int r = 0; r < rows; r++) {
            ArrayNode row = matrix.addArray();
            for (int c = 0; c < cols; c++) {
                row.add(random.nextDouble(-bound, bound));
            }
        }
    }

    @Benchmark
    public byte[] request() throws IOException {
        return Mappers.JSON.writeValueAsBytes(AttentionApi.attention(Mappers.JSON.readTree(body)));
    }

    /**
     * The CPU time of one request at each size, the median of 500 after 3 s of CPU time of warm-up calls, from
     * ThreadMXBean: unlike JMH's wall-clock time it hardly grows when other processes crowd the cores.
     * JMH itself runs through org.openjdk.jmh.Main ApiBenchmark.
     */
    public static void main(String[] args) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String size : new String[]{"widget", "limit"}) {
            ApiBenchmark benchmark = new ApiBenchmark();
            benchmark.size = size;
            benchmark.setUp();
            for (long end = threads.getCurrentThreadCpuTime() + 3_000_000_000L; threads.getCurrentThreadCpuTime() < end; ) {
                benchmark.request(); // 3 s of CPU time to warm up, however busy the machine: the JIT compiles the hot loops
            }
            long[] nanos = new long[500];
            for (int i = 0; i < nanos.length; i++) {
                long start = threads.getCurrentThreadCpuTime();
                benchmark.request();
                nanos[i] = threads.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-6s %5d-byte body: CPU time a request, median %.0f µs, 90th percentile %.0f µs%n",
                    size, benchmark.body.length, nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 9 / 10] / 1e3);
        }
    }
}
