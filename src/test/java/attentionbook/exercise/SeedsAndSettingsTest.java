package attentionbook.exercise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedsAndSettingsTest {

    @Test
    void seedsAreWholeNumbersInRange() {
        assertEquals(0, Seeds.parse("0"));
        assertEquals(123, Seeds.parse(" 123 "));
        assertEquals(Seeds.MAX, Seeds.parse("999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "-1", "1.5", "1e3", "1000000000", "99999999999999999999999", "12a"})
    void badSeedsSayWhatASeedIs(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeds.parse(text));
        assertTrue(e.getMessage().contains("from 0 to 999999999"), e.getMessage());
    }

    @Test
    void aStudentAlwaysGetsTheSameSeedWhateverTheCaseOrSpaces() {
        long alice = Seeds.forStudent("alice");
        assertEquals(alice, Seeds.forStudent("  Alice "));
        assertNotEquals(alice, Seeds.forStudent("bob"));
        assertTrue(alice >= 1 && alice <= Seeds.MAX);
        // FNV-1a is fixed by its definition: this value holds on every machine and every run
        long hash = 0xcbf29ce484222325L;
        for (byte b : "alice".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        assertEquals(1 + Math.floorMod(hash, Seeds.MAX), alice);
        Set<Long> seeds = new HashSet<>();
        for (int s = 0; s < 1000; s++) {
            seeds.add(Seeds.forStudent("student-" + s));
        }
        assertEquals(1000, seeds.size(), "a class of 1000 gets 1000 different seeds");
    }

    @Test
    void studentNamesMustBeShortPrintableText() {
        assertThrows(IllegalArgumentException.class, () -> Seeds.forStudent(" "));
        assertThrows(IllegalArgumentException.class, () -> Seeds.forStudent("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> Seeds.forStudent("a\nb"));
        assertEquals("Ada L.", Seeds.normalStudent(" Ada L. "));
    }

    @Test
    void optionsAreCheckedByNameAndValue() {
        ExerciseKind kind = ExerciseKinds.find("projection-row").orElseThrow();
        Settings settings = Settings.of(kind.options(), Map.of("which", "k", "tokens", 4));
        assertEquals("k", settings.word("which"));
        assertEquals(4, settings.number("tokens"));
        assertEquals(3, settings.number("width"), "the default");
        assertEquals(Map.of("tokens", 4, "which", "k"), settings.written());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(kind.options(), Map.of("tokenz", 3)));
        assertTrue(unknown.getMessage().startsWith("unknown option \"tokenz\"; the options are \"which\""), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(kind.options(), Map.of("tokens", 9)));
        assertEquals("\"tokens\" must be a whole number from 2 to 4 (how many tokens X holds), not 9", range.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(kind.options(), Map.of("which", "w")));
        assertTrue(word.getMessage().startsWith("\"which\" must be one of \"q\", \"k\", \"v\", \"any\""), word.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(kind.options(), Map.of("tokens", "three")));
        assertTrue(type.getMessage().endsWith("not \"three\""), type.getMessage());
    }

    @Test
    void roundingSaysWhatItAccepts() {
        assertEquals("Give exact whole numbers.", Rounding.exact(0).instruction());
        assertEquals("Round to 2 decimal places.", Rounding.places(2).instruction());
        assertTrue(Rounding.places(2, 0.01).instruction().contains("within 0.01"), Rounding.places(2, 0.01).instruction());
        assertTrue(Rounding.places(2).accepts(0.27, 0.2689));
        assertTrue(!Rounding.places(2).accepts(0.26, 0.2689));
        assertTrue(Rounding.exact(0).accepts(7, 7) && !Rounding.exact(0).accepts(7.4, 7));
        assertTrue(Rounding.exact(0).accepts(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertTrue(!Rounding.exact(0).accepts(-1e9, Double.NEGATIVE_INFINITY));
    }
}
