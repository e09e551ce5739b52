package attentionbook.records;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading {@code --database} addresses into the pool's settings, without opening anything. */
class DatabaseAddressTest {

    @Test
    void readsUserPasswordHostPortAndName() {
        HikariConfig config = new HikariConfig();
        String where = RecordStores.postgresAddress("postgresql://book:p%40ss%3Aw0rd+x@db.example.org:6543/course?sslmode=require", config);
        assertEquals("db.example.org:6543/course", where);
        assertEquals("jdbc:postgresql://db.example.org:6543/course?sslmode=require", config.getJdbcUrl());
        assertEquals("book", config.getUsername());
        assertEquals("p@ss:w0rd+x", config.getPassword());
    }

    @Test
    void thePortDefaultsTo5432AndTheUserMayBeLeftOut() {
        HikariConfig config = new HikariConfig();
        assertEquals("localhost:5432/records", RecordStores.postgresAddress("postgres://localhost/records", config));
        assertEquals("jdbc:postgresql://localhost:5432/records", config.getJdbcUrl());
        assertNull(config.getUsername());
    }

    @Test
    void aJdbcAddressIsTakenAsItIsAndNamedWithoutItsParameters() {
        HikariConfig config = new HikariConfig();
        String where = RecordStores.postgresAddress("jdbc:postgresql://h:5433/db?user=u&password=secret", config);
        assertEquals("jdbc:postgresql://h:5433/db?user=u&password=secret", config.getJdbcUrl());
        assertEquals("jdbc:postgresql://h:5433/db", where);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mysql://u:secret@h/db | (it starts with mysql:)",
            "postgresql://u:secret@h | (the host or the database name is missing)",
            "postgresql:///db | (the host or the database name is missing)",
            "postgresql://u:secret@h:5432/ db | (this address is not a URL: Illegal character in path)",
    })
    void aWrongAddressSaysWhatItShouldLookLikeAndHidesThePassword(String address, String why) {
        RecordsUnavailable e = assertThrows(RecordsUnavailable.class, () -> RecordStores.postgresAddress(address, new HikariConfig()));
        assertEquals("--database must look like postgresql://user:password@host:5432/name " + why, e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
        assertTrue(e.getMessage().startsWith("--database"));
    }
}
