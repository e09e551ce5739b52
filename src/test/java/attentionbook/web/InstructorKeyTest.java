package attentionbook.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login cookie: signed under the key, holding no secret, lapsing after a working day. */
class InstructorKeyTest {
    static final InstructorKey KEY = new InstructorKey("teacher-only-key");
    static final long NOW = 1_800_000_000L;

    @Test
    void aFreshCookieOpensAndHoldsNoKey() {
        String cookie = KEY.sessionToken(NOW);
        assertTrue(KEY.validSession(cookie, NOW));
        assertTrue(KEY.validSession(cookie, NOW + InstructorKey.SESSION.getSeconds() - 1));
        assertFalse(cookie.contains("teacher-only-key"));
    }

    @Test
    void anOldAForgedOrAnotherKeysCookieDoesNot() {
        String cookie = KEY.sessionToken(NOW);
        assertFalse(KEY.validSession(cookie, NOW + InstructorKey.SESSION.getSeconds()), "lapsed after 12 hours");
        assertFalse(KEY.validSession(KEY.sessionToken(NOW + 3600), NOW), "issued in the future");
        assertFalse(KEY.validSession(new InstructorKey("another-course-key").sessionToken(NOW), NOW), "another key's");
        String later = (NOW + 10) + cookie.substring(cookie.indexOf('.'));
        assertFalse(KEY.validSession(later, NOW + 20), "a time changed without the signature");
        for (String junk : new String[]{"", ".", "x.y", "1800000000", "99999999999999999999.abc", "forged"}) {
            assertFalse(KEY.validSession(junk, NOW), junk);
        }
        assertNotEquals(KEY.sessionToken(NOW), KEY.sessionToken(NOW + 1));
    }
}
