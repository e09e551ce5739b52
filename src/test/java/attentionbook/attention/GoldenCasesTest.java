package attentionbook.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 14 reference cases from an independent float64 implementation: every key, every cell. */
class GoldenCasesTest {

    private static final double ABSOLUTE = 1e-12;
    private static final double RELATIVE = 1e-9;

    static List<ReferenceCases.Case> cases() {
        return ReferenceCases.all();
    }

    @Test
    void allFourteenCasesAreThere() {
        assertEquals(14, cases().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyStepMatchesTheReference(ReferenceCases.Case reference) {
        AttentionTrace trace = Attention.run(reference.x(), reference.spec());
        JsonNode expected = reference.expected();
        String name = reference.name();

        assertMatrix(expected.get("q"), trace.q(), name + " q");
        assertMatrix(expected.get("k"), trace.k(), name + " k");
        assertMatrix(expected.get("v"), trace.v(), name + " v");
        assertEquals(reference.spec().heads(), trace.heads().size(), name + ": one trace per head");
        assertPerHead(expected.get("scores"), trace, HeadTrace::scores, name + " scores");
        assertPerHead(expected.get("scaled"), trace, HeadTrace::scaled, name + " scaled");
        assertPerHead(expected.get("masked"), trace, HeadTrace::masked, name + " masked");
        assertPerHead(expected.get("weights"), trace, HeadTrace::weights, name + " weights");
        assertPerHead(expected.get("heads_out"), trace, HeadTrace::output, name + " heads_out");
        assertMatrix(expected.get("concat"), trace.concat(), name + " concat");
        assertMatrix(expected.get("output"), trace.output(), name + " output");
    }

    static void assertPerHead(JsonNode expected, AttentionTrace trace, Function<HeadTrace, Matrix> step, String what) {
        assertEquals(expected.size(), trace.heads().size(), what + ": number of heads");
        for (int h = 0; h < expected.size(); h++) {
            assertMatrix(expected.get(h), step.apply(trace.heads().get(h)), what + " head " + h);
        }
    }

    static void assertMatrix(JsonNode expected, Matrix actual, String what) {
        assertEquals(expected.size(), actual.rows(), what + ": rows");
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.get(r).size(), actual.cols(), what + ": columns");
            for (int c = 0; c < expected.get(r).size(); c++) {
                double e = ReferenceCases.number(expected.get(r).get(c));
                double a = actual.get(r, c);
                String cell = what + "[" + r + "][" + c + "]: expected " + e + " but was " + a;
                if (Double.isInfinite(e)) {
                    assertEquals(e, a, cell);
                } else {
                    assertTrue(Double.isFinite(a) && Math.abs(a - e) <= ABSOLUTE + RELATIVE * Math.abs(e), cell);
                }
            }
        }
    }
}
