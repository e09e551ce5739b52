package attentionbook;

import java.nio.file.Path;
import java.util.Map;

/**
 * The command line ({@code --port N --host H --content DIR --course FILE --data DIR --database URL --base-path /prefix
 * --rate-limit N --trust-proxy --help}), plus PORT from the environment.
 */
public record Options(int port, String host, Path content, Path course, Path data, String database, String basePath,
                      int rateLimit, boolean trustProxy, boolean help) {

    static final int DEFAULT_PORT = 7070;
    static final int DEFAULT_RATE_LIMIT = 20;

    static final String USAGE = """
            Usage: java -jar target/attention-textbook.jar [options]

            Serves the attention textbook.

            Options:
              --port N        port to listen on (default 7070, or $PORT); 0 picks a free port
              --host H        address to bind (default 0.0.0.0, every interface)
              --content DIR   a folder of your own chapters (NN-slug.md), served beside the bundled ones;
                              one with the same slug as a bundled chapter replaces it
              --course FILE   a course file (YAML or JSON): title, welcome, chapters and their order,
                              instructor key, exercise seed policy (see the README)
              --data DIR      a folder the book may write to: finished training runs of the lab are kept
                              there and survive a restart (default: none, runs are kept in memory);
                              with a roster in the course file, the class records' embedded database
                              is kept there too (default then: ./attention-data)
              --database URL  keep the class records on PostgreSQL instead, for several instances:
                              postgresql://user:password@host:port/name
              --base-path P   serve under a path prefix such as /attention, behind a reverse proxy
                              that passes the prefix on (default: none)
              --rate-limit N  API requests a second allowed per client (default 20); 0 turns it off
              --trust-proxy   take the client's address from X-Forwarded-For (only behind your own proxy)
              --help          print this help and exit
            """;

    /** A mistake on the command line: the message says what, and the caller prints usage and exits with 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    public static Options parse(String[] args, Map<String, String> env) {
        int port = env.containsKey("PORT") ? port(env.get("PORT"), "PORT") : DEFAULT_PORT;
        String host = "0.0.0.0";
        Path content = null;
        Path course = null;
        Path data = null;
        String database = null;
        String basePath = "";
        int rateLimit = DEFAULT_RATE_LIMIT;
        boolean trustProxy = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--port" -> {
                    port = port(inline != null ? inline : value(args, ++i, name), name);
                }
                case "--host" -> host = nonBlank(inline != null ? inline : value(args, ++i, name), name);
                case "--content" -> content = Path.of(nonBlank(inline != null ? inline : value(args, ++i, name), name));
                case "--course" -> course = Path.of(nonBlank(inline != null ? inline : value(args, ++i, name), name));
                case "--data" -> data = Path.of(nonBlank(inline != null ? inline : value(args, ++i, name), name));
                case "--database" -> database = database(inline != null ? inline : value(args, ++i, name));
                case "--base-path" -> basePath = basePath(inline != null ? inline : value(args, ++i, name));
                case "--rate-limit" -> rateLimit = rateLimit(inline != null ? inline : value(args, ++i, name));
                case "--trust-proxy" -> trustProxy = true;
                default -> throw new UsageError("unknown option " + arg);
            }
        }
        return new Options(port, host, content, course, data, database, basePath, rateLimit, trustProxy, help);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageError(name + " needs a value");
        }
        return args[i];
    }

    private static String nonBlank(String value, String name) {
        if (value.isBlank()) {
            throw new UsageError(name + " needs a value");
        }
        return value;
    }

    /** "/attention" as given; "/" or "" means none; a trailing slash is dropped. */
    private static String basePath(String value) {
        String path = value.strip();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            return "";
        }
        if (!path.matches("(/[A-Za-z0-9._~-]+)+") || path.contains("/..") || path.contains("/./")) {
            throw new UsageError("--base-path must look like /attention or /courses/attention (letters, digits, . _ ~ -), not \"" + value + "\"");
        }
        return path;
    }

    private static String database(String value) {
        String url = value.strip();
        if (!url.matches("postgresql://[^/\\s]+/[^/?\\s]+(\\?\\S*)?")) {
            throw new UsageError("--database must be a PostgreSQL address such as postgresql://user:password@host:5432/course, not \""
                    + url.replaceAll(":[^:@/]*@", ":…@") + "\"");
        }
        return url;
    }

    private static int rateLimit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 0 || limit > 100_000) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new UsageError("--rate-limit must be a whole number of requests a second from 0 (off) to 100000, not \"" + value + "\"");
        }
    }

    private static int port(String value, String name) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new UsageError(name + " must be a port number from 0 to 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageError(name + " must be a port number from 0 to 65535, not \"" + value + "\"");
        }
    }
}
