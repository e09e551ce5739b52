package attentionbook.records;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StudentLinksTest {
    private static final String KEY = "correct horse battery staple";
    /**
     * Computed apart from Java: python3 -c 'import hmac,hashlib,base64; print(base64.urlsafe_b64encode(
     * hmac.new(b"correct horse battery staple", b"s-042", hashlib.sha256).digest()).rstrip(b"=").decode())'
     */
    private static final String KNOWN = "s-042.9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2URk";

    private final StudentLinks links = new StudentLinks(KEY);

    @Test
    void signsTheIdWithHmacSha256InBase64Url() {
        assertEquals(KNOWN, links.token("s-042"));
    }

    @Test
    void readsBackTheIdOfItsOwnTokens() {
        assertEquals(Optional.of("s-042"), links.studentOf(KNOWN));
        assertEquals(Optional.of("a.b.c"), links.studentOf(links.token("a.b.c")));
    }

    @Test
    void anotherKeysTokenNamesNobody() {
        assertEquals(Optional.empty(), new StudentLinks(KEY + "!").studentOf(KNOWN));
        assertEquals(Optional.empty(), links.studentOf(new StudentLinks("other").token("s-042")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s-043.9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2URk",    // another id under s-042's MAC
            "s-042.9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2UR",     // truncated
            "s-042.9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2URk=",   // padded
            "s-042.9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2URl",    // last character changed
            "s-042.",
            "s-042",
            ".9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2URk",
            "",
            "garbage",
            "a b.9TNQkOd0R6_FTQyZkp3Fcb2WVGKM0oJ7pk3YCB-2URk",
    })
    void aTamperedTokenNamesNobody(String token) {
        assertEquals(Optional.empty(), links.studentOf(token));
    }

    @Test
    void nullNamesNobody() {
        assertEquals(Optional.empty(), links.studentOf(null));
    }

    @Test
    void refusesToSignWithoutAKeyOrANonRosterId() {
        assertThrows(IllegalArgumentException.class, () -> new StudentLinks(""));
        assertThrows(IllegalArgumentException.class, () -> new StudentLinks(null));
        assertThrows(IllegalArgumentException.class, () -> links.token("a b"));
    }
}
