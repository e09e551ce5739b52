package attentionbook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way: web → book, exercise, model, records, search (→ book); those → attention; attention
 * depends on nothing of ours and on no web, JSON, template or markdown library. Checked on the
 * compiled classes, so a fully qualified name in the code counts as much as an import.
 */
class DependencyRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("attentionbook");
    }

    @ParameterizedTest(name = "{0} does not use {1}")
    @CsvSource({
            "attention, attentionbook.book",
            "attention, attentionbook.exercise",
            "attention, attentionbook.model",
            "attention, attentionbook.records",
            "attention, attentionbook.web",
            "attention, io.javalin",
            "attention, com.fasterxml",
            "attention, gg.jte",
            "attention, org.commonmark",
            "book, attentionbook.web",
            "book, attentionbook.exercise",
            "book, attentionbook.model",
            "book, attentionbook.records",
            "book, io.javalin",
            "exercise, attentionbook.book",
            "exercise, attentionbook.web",
            "exercise, attentionbook.model",
            "exercise, attentionbook.records",
            "exercise, io.javalin",
            "model, attentionbook.book",
            "model, attentionbook.exercise",
            "model, attentionbook.web",
            "model, attentionbook.records",
            "model, io.javalin",
            "model, com.fasterxml",
            "records, attentionbook.attention",
            "records, attentionbook.book",
            "records, attentionbook.exercise",
            "records, attentionbook.model",
            "records, attentionbook.web",
            "records, io.javalin",
            "search, attentionbook.web",
            "search, attentionbook.exercise",
            "search, attentionbook.model",
            "search, attentionbook.records",
            "search, attentionbook.attention",
            "search, io.javalin",
            "book, attentionbook.search",
    })
    void packagesKeepToTheirSide(String pkg, String forbidden) {
        noClasses().that().resideInAPackage("attentionbook." + pkg + "..")
                .should().dependOnClassesThat().resideInAPackage(forbidden + "..")
                .allowEmptyShould(true)
                .check(main);
    }
}
