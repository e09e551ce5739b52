package attentionbook.web;

import attentionbook.attention.Attention;
import attentionbook.attention.AttentionSpec;
import attentionbook.attention.AttentionTrace;
import attentionbook.attention.HeadTrace;
import attentionbook.attention.Matrix;
import attentionbook.model.Inspection;
import attentionbook.model.Lab;
import attentionbook.model.LabRun;
import attentionbook.model.RunConfig;
import attentionbook.model.Snapshot;
import attentionbook.model.Task;
import attentionbook.model.Tensor;
import attentionbook.model.TinyGpt;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/** The lab API's answers, as the records Jackson writes. */
final class LabJson {
    private LabJson() {
    }

    record Config(String task, int length, int layers, int heads, @JsonProperty("d_model") int dModel, boolean mlp,
                  int steps, int batch, double lr, long seed, int context, int vocabulary) {
        static Config of(RunConfig c) {
            return new Config(c.task().key(), c.length(), c.layers(), c.heads(), c.dModel(), c.mlp(), c.steps(), c.batch(),
                    c.lr(), c.seed(), c.context(), c.task().vocabulary());
        }
    }

    /** A run's state; {@code snapshots} holds those after the step the request named (all of them by default). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(String id, String status, Integer position, Config config, int step, int steps, Double loss,
                  Double accuracy, String message, List<SnapshotJson> snapshots) {
        static Status of(Lab lab, LabRun run, int since) {
            List<SnapshotJson> after = new ArrayList<>();
            for (Snapshot s : run.snapshots()) {
                if (s.step() > since) {
                    after.add(SnapshotJson.of(run.config().task(), s));
                }
            }
            Snapshot latest = run.latest().orElse(null);
            Lab.Place place = lab.place(run);
            return new Status(run.id(), place.status().key(), place.position() > 0 ? place.position() : null, Config.of(run.config()),
                    latest == null ? 0 : latest.step(), run.config().steps(), latest == null ? null : latest.loss(),
                    latest == null ? null : latest.accuracy(), run.failure().orElse(null), after);
        }

        /** The same without snapshots: what the event stream says when the status changes. */
        Status brief() {
            return new Status(id, status, position, null, step, steps, loss, accuracy, message, null);
        }
    }

    /** curve: {step, loss} for the training loss every few steps since the previous snapshot. */
    record SnapshotJson(int step, double loss, double accuracy, double lr, Probe probe, List<Snapshot.LossPoint> curve) {
        static SnapshotJson of(Task task, Snapshot s) {
            return new SnapshotJson(s.step(), s.loss(), s.accuracy(), s.learningRate(), Probe.of(task, s.probe()), s.curve());
        }
    }

    /** The probe sequence, what the model predicts after each token, and each layer's heads' attention weights. */
    record Probe(List<String> tokens, List<String> predictions, List<List<double[][]>> layers) {
        static Probe of(Task task, Inspection inspection) {
            List<List<double[][]>> layers = new ArrayList<>();
            for (Inspection.Layer layer : inspection.layers()) {
                layers.add(layer.heads());
            }
            return new Probe(texts(task, inspection.tokens()), texts(task, inspection.predictions()), layers);
        }
    }

    record Created(String id, String status, Integer position) {
    }

    record Parameter(String name, int[] shape, double[][] values) {
    }

    record Weights(String id, List<Parameter> parameters) {
        static Weights of(LabRun run, TinyGpt model) {
            List<Parameter> parameters = new ArrayList<>();
            for (Tensor p : model.parameters()) {
                parameters.add(new Parameter(p.name(), p.shape(), p.rows()));
            }
            return new Weights(run.id(), parameters);
        }
    }

    /** One head on the reader's sequence, computed by the attention core from the layer's input and weights. */
    record Head(double[][] weights) {
    }

    record Layer(List<Head> heads) {
    }

    record Prediction(List<String> tokens, List<String> predictions, List<Layer> layers) {
        /**
         * The model's predictions, and each layer's heads recomputed by the book's attention core from the
         * input the layer's attention saw and the layer's trained W_Q, W_K, W_V, W_O (causal, scaled by 1/√d_k).
         */
        static Prediction of(Task task, TinyGpt model, int[] tokens) {
            Inspection inspection;
            List<Layer> layers = new ArrayList<>();
            synchronized (model) {
                inspection = model.inspect(tokens);
                for (int l = 0; l < inspection.layers().size(); l++) {
                    String prefix = "layers." + l + ".attn.";
                    AttentionSpec spec = new AttentionSpec(matrix(model, prefix + "wq"), matrix(model, prefix + "wk"),
                            matrix(model, prefix + "wv"), matrix(model, prefix + "wo"), model.shape().heads(), true, true);
                    AttentionTrace trace = Attention.run(Matrix.of(inspection.layers().get(l).attentionInput()), spec);
                    List<Head> heads = new ArrayList<>();
                    for (HeadTrace head : trace.heads()) {
                        heads.add(new Head(head.weights().toArray()));
                    }
                    layers.add(new Layer(heads));
                }
            }
            return new Prediction(texts(task, inspection.tokens()), texts(task, inspection.predictions()), layers);
        }

        private static Matrix matrix(TinyGpt model, String name) {
            return Matrix.of(model.parameter(name).rows());
        }
    }

    static List<String> texts(Task task, int[] tokens) {
        List<String> texts = new ArrayList<>(tokens.length);
        for (int token : tokens) {
            texts.add(task.tokenText(token));
        }
        return texts;
    }
}
