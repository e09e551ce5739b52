package attentionbook.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written backward pass against central finite differences, (L(w + h) − L(w − h))/2h, for
 * every element of every parameter tensor. Per tensor, the relative error ‖analytic − numeric‖ /
 * (‖analytic‖ + ‖numeric‖) must stay under 1e-6 (in double precision it comes out near 1e-9).
 */
class GradientCheckTest {

    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;

    @Test
    void twoLayersWithMlpOnTheCopyTask() {
        ModelShape shape = new ModelShape(Task.COPY.vocabulary(), 6, 2, 2, 8, true);
        checkEveryTensor(new TinyGpt(shape, 11), batch(Task.COPY, 3, 2), 20);
    }

    @Test
    void oneLayerWithoutMlpWithFourHeadsOnPreviousToken() {
        ModelShape shape = new ModelShape(Task.PREVIOUS_TOKEN.vocabulary(), 5, 1, 4, 8, false);
        checkEveryTensor(new TinyGpt(shape, 12), batch(Task.PREVIOUS_TOKEN, 5, 3), 9);
    }

    @Test
    void twoLayersOnInductionWithOneHead() {
        ModelShape shape = new ModelShape(Task.INDUCTION.vocabulary(), 8, 2, 1, 8, true);
        checkEveryTensor(new TinyGpt(shape, 13), batch(Task.INDUCTION, 8, 2), 20);
    }

    private static List<Example> batch(Task task, int length, int size) {
        SplittableRandom random = new SplittableRandom(3);
        List<Example> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(task.generate(length, random));
        }
        return batch;
    }

    /** Checks every tensor; expectedTensors guards against a tensor silently missing from the list. */
    private static void checkEveryTensor(TinyGpt model, List<Example> batch, int expectedTensors) {
        assertEquals(expectedTensors, model.parameters().size());
        model.lossAndGradient(batch);
        List<String> failures = new ArrayList<>();
        for (Tensor tensor : model.parameters()) {
            double[] analytic = tensor.gradient();
            double[] numeric = new double[tensor.size()];
            for (int i = 0; i < tensor.size(); i++) {
                double original = tensor.value[i];
                tensor.value[i] = original + H;
                double plus = model.loss(batch);
                tensor.value[i] = original - H;
                double minus = model.loss(batch);
                tensor.value[i] = original;
                numeric[i] = (plus - minus) / (2 * H);
            }
            double error = relativeError(analytic, numeric);
            assertTrue(norm(analytic) > 0, tensor.name() + " has an all-zero gradient: the check would prove nothing");
            if (!(error < TOLERANCE)) {
                failures.add(tensor.name() + " " + tensor.shapeText() + ": relative error " + error);
            }
        }
        assertEquals(List.of(), failures);
    }

    private static double relativeError(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return norm(difference) / (norm(a) + norm(b));
    }

    private static double norm(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
