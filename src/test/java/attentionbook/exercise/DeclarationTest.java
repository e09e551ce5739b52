package attentionbook.exercise;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A declared exercise and the catalog of them, checked without any web or book code. */
class DeclarationTest {

    @Test
    void aDeclarationIsCheckedNamedAndGeneratesItsKindsNumbers() {
        Declaration d = Declaration.of("score-grid", Map.of("tokens", 2));
        assertEquals("score-grid-tokens-2", d.id());
        ExerciseKind kind = ExerciseKinds.find("score-grid").orElseThrow();
        Exercise expected = kind.generate(7, Settings.of(kind.options(), Map.of("tokens", 2)));
        assertArrayEquals(expected.answer().toArray(), d.generate(7).answer().toArray());
        assertEquals(2, d.generate(7).answer().rows(), "two tokens: a 2×2 grid");
    }

    @Test
    void aBadDeclarationSaysWhichPartIsWrong() {
        Declaration.Invalid kind = assertThrows(Declaration.Invalid.class, () -> Declaration.of("score-grids", Map.of()));
        assertEquals(Declaration.Invalid.Part.KIND, kind.part());
        assertTrue(kind.getMessage().startsWith("unknown exercise kind \"score-grids\""), kind.getMessage());
        Declaration.Invalid option = assertThrows(Declaration.Invalid.class, () -> Declaration.of("score-grid", Map.of("tokens", 9)));
        assertEquals(Declaration.Invalid.Part.OPTION, option.part());
        assertEquals("tokens", option.option());
    }

    @Test
    void theCatalogKeepsTheReadingOrderAndServesEveryChapter() {
        Declaration score = Declaration.of("score", Map.of());
        Declaration mask = Declaration.of("causal-mask", Map.of());
        ExerciseCatalog catalog = new ExerciseCatalog()
                .add("scores", "Scores", true, List.of(score))
                .add("notes", "Notes", true, List.of())
                .add("masking", "Masking", false, List.of(mask, score));
        assertEquals(List.of("scores"), catalog.chapters().stream().map(c -> c.chapter().slug()).toList());
        assertEquals(List.of("scores", "masking"), catalog.everyChapter().stream().map(c -> c.chapter().slug()).toList());
        assertEquals(mask, catalog.find("causal-mask").orElseThrow(), "an unlisted chapter's exercise is found");
        assertEquals("Masking", catalog.chapter("masking").orElseThrow().chapter().title());
        assertEquals(List.of("score", "causal-mask"), catalog.all().stream().map(Declaration::id).toList());
    }
}
