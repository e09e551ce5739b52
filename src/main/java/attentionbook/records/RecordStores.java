package attentionbook.records;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a course's records: embedded under the data folder, or on PostgreSQL; either way through a
 * HikariCP pool, with the schema migrated by Flyway from {@code db/migration} before the first use.
 *
 * <p>The embedded database is H2 2.5.252 rather than SQLite: it is one pure-Java jar (sqlite-jdbc
 * carries native libraries per platform), it lets several connections write at once (SQLite has one
 * writer a file), and its SQL is close enough to PostgreSQL's that one migration script and one set
 * of queries serve both.
 */
public final class RecordStores {
    /** The embedded database's files are {@code records.mv.db} (and a lock file while open) in the data folder. */
    static final String EMBEDDED_NAME = "records";

    private RecordStores() {
    }

    /**
     * @param database null for the embedded database under {@code dataDir}, else a
     *                 {@code postgresql://user:password@host:port/name} address
     * @throws RecordsUnavailable naming the folder or the server when the records cannot be opened
     */
    public static ClassRecords open(String database, Path dataDir) {
        return database == null ? embedded(dataDir) : postgresql(database);
    }

    /** The JDBC address of the embedded database under a data folder (for tools that fill it in bulk). */
    public static String embeddedUrl(Path dataDir) {
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a server killed just after a
        // check (SIGTERM with no time to close, or even SIGKILL) keeps it; H2's default waits up to
        // 500 ms. DB_CLOSE_ON_EXIT=FALSE: the server's own shutdown hook closes the store (after the
        // last request), rather than H2's hook closing the database under a request still writing.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(EMBEDDED_NAME) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    static ClassRecords embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RecordsUnavailable("cannot create the records folder " + dir + " (" + e + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new RecordsUnavailable("the records folder " + dir + " is not writable", null);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(embeddedUrl(dir));
        config.setUsername("sa");
        config.setPassword("");
        return start(config, "the embedded database in " + dir);
    }

    static ClassRecords postgresql(String address) {
        HikariConfig config = new HikariConfig();
        String where = postgresAddress(address, config);
        return start(config, "PostgreSQL at " + where);
    }

    /**
     * Reads {@code postgresql://user:password@host:port/name} (or a {@code jdbc:postgresql:} address, taken
     * as is) into the pool's settings; returns the address without its password, for messages.
     */
    static String postgresAddress(String address, HikariConfig config) {
        if (address.startsWith("jdbc:postgresql:")) {
            config.setJdbcUrl(address);
            int query = address.indexOf('?');
            return query < 0 ? address : address.substring(0, query);
        }
        String shape = "--database must look like postgresql://user:password@host:5432/name";
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new RecordsUnavailable(shape + " (this address is not a URL: " + e.getReason() + ")", null);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new RecordsUnavailable(shape + " (it starts with " + uri.getScheme() + ":)", null);
        }
        String name = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (uri.getHost() == null || name.isEmpty()) {
            throw new RecordsUnavailable(shape + " (the host or the database name is missing)", null);
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String where = uri.getHost() + ":" + port + "/" + name;
        config.setJdbcUrl("jdbc:postgresql://" + where + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            config.setUsername(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                config.setPassword(decode(info.substring(colon + 1)));
            }
        }
        return where;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ClassRecords start(HikariConfig config, String where) {
        config.setPoolName("records");
        config.setMaximumPoolSize(8);
        // a dead database answers within seconds (the student is waiting), not Hikari's default 30 s
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new RecordsUnavailable("cannot open the class records on " + where + ": " + rootMessage(e), e);
        }
        try {
            int applied = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load()
                    .migrate().migrationsExecuted;
            return new SqlRecords(pool, pool::close, where, applied);
        } catch (RuntimeException e) {
            pool.close();
            throw new RecordsUnavailable("cannot prepare the class records on " + where + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
