package attentionbook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dependencies point one way: web → book, exercise, model → attention; attention depends on nothing. */
class DependencyRulesTest {

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
            "attention, attentionbook.book",
            "attention, attentionbook.exercise",
            "attention, attentionbook.web",
            "attention, io.javalin",
            "attention, com.fasterxml",
            "attention, gg.jte",
            "attention, org.commonmark",
            "book, attentionbook.web",
            "book, attentionbook.exercise",
            "book, io.javalin",
            "exercise, attentionbook.book",
            "exercise, attentionbook.web",
            "exercise, io.javalin",
            "model, attentionbook.book",
            "model, attentionbook.exercise",
            "model, attentionbook.web",
            "model, io.javalin",
            "model, com.fasterxml",
    })
    void packagesKeepToTheirSide(String pkg, String forbidden) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/attentionbook", pkg))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import " + forbidden + ".") || line.startsWith("import static " + forbidden + ".")) {
                        offenders.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
