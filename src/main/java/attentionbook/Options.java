package attentionbook;

import java.nio.file.Path;
import java.util.Map;

/** The command line: {@code [--port N] [--host H] [--content DIR] [--help]}, plus PORT from the environment. */
public record Options(int port, String host, Path content, boolean help) {

    static final int DEFAULT_PORT = 7070;

    static final String USAGE = """
            Usage: java -jar target/attention-textbook.jar [options]

            Serves the attention textbook.

            Options:
              --port N        port to listen on (default 7070, or $PORT); 0 picks a free port
              --host H        address to bind (default 0.0.0.0, every interface)
              --content DIR   a folder of your own chapters (NN-slug.md), served beside the bundled ones;
                              one with the same slug as a bundled chapter replaces it
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
                default -> throw new UsageError("unknown option " + arg);
            }
        }
        return new Options(port, host, content, help);
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
