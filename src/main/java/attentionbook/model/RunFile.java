package attentionbook.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished lab run on disk, {@code <data>/lab/<id>.run}: the config's fields, how training
 * ended, every snapshot and every parameter, as big-endian numbers (DataOutputStream), doubles bit for
 * bit. Written to a temporary file and moved into place, so a reader never sees half a file.
 */
final class RunFile {
    private static final int MAGIC = 0x4C414232;   // "LAB2": snapshots carry their loss curve
    private static final int MAGIC_WITHOUT_CURVE = 0x4C414231;   // "LAB1": read with an empty curve

    private RunFile() {
    }

    static Path path(Path dataFolder, String id) {
        return dataFolder.resolve("lab").resolve(id + ".run");
    }

    static void write(Path dataFolder, LabRun run) throws IOException {
        Path target = path(dataFolder, run.id());
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), run.id(), ".part");
        TrainingResult result = run.result().orElseThrow();
        TinyGpt model = run.model().orElseThrow();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(MAGIC);
            writeConfig(out, run.config());
            out.writeInt(result.steps());
            out.writeDouble(result.cpuSeconds());
            List<Snapshot> snapshots = run.snapshots();
            out.writeInt(snapshots.size());
            for (Snapshot s : snapshots) {
                writeSnapshot(out, s);
            }
            out.writeInt(model.parameters().size());
            for (Tensor p : model.parameters()) {
                out.writeUTF(p.name());
                out.writeInt(p.value.length);
                for (double v : p.value) {
                    out.writeDouble(v);
                }
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The run with this id, if its file exists; an IOException or IllegalStateException if the file is damaged. */
    static Optional<LabRun> read(Path dataFolder, String id) throws IOException {
        Path file = path(dataFolder, id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int magic = in.readInt();
            boolean withCurve = magic == MAGIC;
            if (!withCurve && magic != MAGIC_WITHOUT_CURVE) {
                throw new IllegalStateException(file + " is not a lab run file");
            }
            RunConfig config = readConfig(in);
            if (!config.id().equals(id)) {
                throw new IllegalStateException(file + " holds the run " + config.id() + ", not " + id);
            }
            int steps = in.readInt();
            double cpuSeconds = in.readDouble();
            int count = in.readInt();
            List<Snapshot> snapshots = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                snapshots.add(readSnapshot(in, withCurve));
            }
            TinyGpt model = new TinyGpt(config.shape(), 0);
            int parameters = in.readInt();
            if (parameters != model.parameters().size()) {
                throw new IllegalStateException(file + " has " + parameters + " parameters, the model " + model.parameters().size());
            }
            for (Tensor p : model.parameters()) {
                String name = in.readUTF();
                int length = in.readInt();
                if (!name.equals(p.name()) || length != p.value.length) {
                    throw new IllegalStateException(file + " has " + name + " (" + length + " values) where the model has "
                            + p.name() + " (" + p.value.length + ")");
                }
                for (int v = 0; v < length; v++) {
                    p.value[v] = in.readDouble();
                }
            }
            Snapshot last = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
            TrainingResult result = new TrainingResult(TrainingResult.Outcome.FINISHED, steps, cpuSeconds, last);
            return Optional.of(new LabRun(config, snapshots, result, model));
        }
    }

    private static void writeConfig(DataOutputStream out, RunConfig c) throws IOException {
        out.writeUTF(c.task().key());
        for (int n : new int[]{c.length(), c.layers(), c.heads(), c.dModel(), c.steps(), c.batch(), c.warmup(), c.snapshotEvery()}) {
            out.writeInt(n);
        }
        out.writeBoolean(c.mlp());
        out.writeDouble(c.lr());
        out.writeDouble(c.weightDecay());
        out.writeLong(c.seed());
    }

    private static RunConfig readConfig(DataInputStream in) throws IOException {
        Task task = Task.fromKey(in.readUTF());
        int[] n = new int[8];
        for (int i = 0; i < n.length; i++) {
            n[i] = in.readInt();
        }
        boolean mlp = in.readBoolean();
        double lr = in.readDouble();
        double weightDecay = in.readDouble();
        long seed = in.readLong();
        return new RunConfig(task, n[0], n[1], n[2], n[3], mlp, n[4], n[5], lr, n[6], weightDecay, seed, n[7]);
    }

    private static void writeSnapshot(DataOutputStream out, Snapshot s) throws IOException {
        out.writeInt(s.step());
        out.writeInt(s.steps());
        out.writeDouble(s.loss());
        out.writeDouble(s.accuracy());
        out.writeDouble(s.learningRate());
        out.writeInt(s.curve().size());
        for (Snapshot.LossPoint point : s.curve()) {
            out.writeInt(point.step());
            out.writeDouble(point.loss());
        }
        Inspection probe = s.probe();
        writeInts(out, probe.tokens());
        writeInts(out, probe.predictions());
        out.writeInt(probe.layers().size());
        for (Inspection.Layer layer : probe.layers()) {
            writeMatrix(out, layer.attentionInput());
            out.writeInt(layer.heads().size());
            for (double[][] head : layer.heads()) {
                writeMatrix(out, head);
            }
        }
    }

    private static Snapshot readSnapshot(DataInputStream in, boolean withCurve) throws IOException {
        int step = in.readInt();
        int steps = in.readInt();
        double loss = in.readDouble();
        double accuracy = in.readDouble();
        double lr = in.readDouble();
        int points = withCurve ? in.readInt() : 0;
        List<Snapshot.LossPoint> curve = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            curve.add(new Snapshot.LossPoint(in.readInt(), in.readDouble()));
        }
        int[] tokens = readInts(in);
        int[] predictions = readInts(in);
        int layerCount = in.readInt();
        List<Inspection.Layer> layers = new ArrayList<>(layerCount);
        for (int l = 0; l < layerCount; l++) {
            double[][] input = readMatrix(in);
            int headCount = in.readInt();
            List<double[][]> heads = new ArrayList<>(headCount);
            for (int h = 0; h < headCount; h++) {
                heads.add(readMatrix(in));
            }
            layers.add(new Inspection.Layer(input, heads));
        }
        return new Snapshot(step, steps, loss, accuracy, lr, new Inspection(tokens, predictions, layers), curve);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeMatrix(DataOutputStream out, double[][] rows) throws IOException {
        out.writeInt(rows.length);
        out.writeInt(rows.length == 0 ? 0 : rows[0].length);
        for (double[] row : rows) {
            for (double v : row) {
                out.writeDouble(v);
            }
        }
    }

    private static double[][] readMatrix(DataInputStream in) throws IOException {
        double[][] rows = new double[in.readInt()][in.readInt()];
        for (double[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                row[c] = in.readDouble();
            }
        }
        return rows;
    }
}
