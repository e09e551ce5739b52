package attentionbook.book;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalcTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', textBlock = """
            4*16*512 | int                ; 32,768
            1 + 2 * 3                     ; 7
            (1 + 2) * 3                   ; 9
            2^10                          ; 1,024
            -2^2                          ; -4
            sqrt(64)                      ; 8
            exp(1) | 3                    ; 2.718
            1/3                           ; 0.3333
            softmax([1.0, 0.1, 0.2]) | 3  ; [0.539, 0.219, 0.242]
            softmax([0.32, 0.04]) | 3     ; [0.570, 0.430]
            dot([1, 2], [3, 4])           ; 11
            [1, 2] * 2                    ; [2, 4]
            max(3, 9, 4)                  ; 9
            mean([1, 2, 3, 4]) | 1        ; 2.5
            0.25 | %1                     ; 25.0%
            235000000 | sci2              ; 2.35 × 10⁸
            4*12288^2 | int               ; 603,979,776
            attn_params(12288, 96, 0) | int ; 57,982,058,496
            attn_params(768, 1, 1) | int  ; 2,362,368
            head_width(512, 8)            ; 64
            kv_cache_bytes(32, 1, 4096, 32, 128, 2) | bytes ; 2 GiB
            score_grid_entries(1, 1, 1024) | int ; 1,048,576
            0.495 | 2                     ; 0.50
            0.22*0.80 + 0.58*0.55 | 2     ; 0.50
            1.005 | 2                     ; 1.01
            2.675 | 2                     ; 2.68
            0.00015 | 4                   ; 0.0002
            2.00005                       ; 2.0001
            -0.495 | 2                    ; -0.50
            -0.004 | 2                    ; 0.00
            0.00125 | %1                  ; 0.1%
            0.4995 | %1                   ; 50.0%
            999600000 | sci2              ; 1.00 × 10⁹
            0.000123456 | sci2            ; 1.23 × 10⁻⁴
            kv_cache_bytes(80, 1, 4096, 8, 128, 2) | bytes ; 1.25 GiB
            6738415616 * 2 | bytes        ; 12.55 GiB
            524288 | bytes                ; 512 KiB
            1000 | bytes                  ; 1,000 bytes
            round(0.495, 2)               ; 0.5000
            sum(round([0.334, 0.333, 0.333], 2)) | 2 ; 0.99
            """)
    void evaluatesAndFormats(String expression, String expected) {
        assertEquals(expected.strip(), Calc.evaluateAndFormat(expression));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            1/0                 ; division by zero
            sqrt(2) | int       ; format int needs a whole number
            foo(1)              ; unknown function "foo"
            2 +                 ; ends too soon
            (1 + 2              ; expected ")"
            dot([1], [1, 2])    ; dot needs vectors of one length
            1 | wide            ; unknown format "wide"
            ln(0)               ; not a finite number
            head_width(512, 7)  ; does not divide
            round(1, 13)        ; round keeps 0 to 12 decimals
            round(1, 0.5)       ; round needs whole numbers
            """)
    void mistakesSayWhatIsWrong(String expression, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calc.evaluateAndFormat(expression));
        assertTrue(e.getMessage().contains(words.strip()), e.getMessage());
    }

    /** Prose and tables round alike: a value in a sentence reads as the same text as in the matrix beside it. */
    @Test
    void proseAndTablesRoundTheSameWay() {
        double[] values = {0.495, 0.22 * 0.80 + 0.58 * 0.55, 1.005, 0.125, -0.125, 2.675, 0.0925, 1e-7, -0.004, 123.456};
        for (double x : values) {
            for (int digits = 0; digits <= 4; digits++) {
                assertEquals(MatrixTable.number(x, digits).replace('\u2212', '-'),
                        Calc.evaluateAndFormat(java.math.BigDecimal.valueOf(x).toPlainString() + " | " + digits), x + " to " + digits);
            }
        }
    }

    @Test
    void expandsInProseButNotInCodeAndReportsTheLine() {
        String body = "Total {{2*3}}.\n```\n{{left alone}}\n```\nAgain {{2^3|int}}.";
        assertEquals("Total 6.\n```\n{{left alone}}\n```\nAgain 8.", CalcExpander.expand("f.md", body, 10));
        ContentError error = assertThrows(ContentError.class, () -> CalcExpander.expand("f.md", "ok\nbad {{1/0}}", 10));
        assertEquals("f.md:11: cannot compute {{1/0}}: division by zero", error.getMessage());
    }
}
