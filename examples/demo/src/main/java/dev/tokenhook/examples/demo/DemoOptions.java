package dev.tokenhook.examples.demo;

/**
 * The demo's command line.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param keepRunning whether the hook keeps serving after the scenarios, until Ctrl-C
 * @param secret the {@code Authorization} value the hook accepts; {@code null} for a random one
 * @param help whether only the usage was asked for
 */
record DemoOptions(int port, boolean keepRunning, String secret, boolean help) {

    static final String USAGE = """
            Usage: ./demo [--keep-running] [--port N] [--secret VALUE]
                   (or: java -jar examples/demo/target/example-demo.jar [options])

            Starts the example token hook service (embedded Jetty, H2 patient store), then plays
            Okta against it over HTTP: three token requests, each with the hook's answer and the
            signed tokens Okta would mint. Exits 0 when all three behave as expected.

              --keep-running   keep the hook running afterwards (Ctrl-C stops it) to call it
                               with curl, from Okta's Preview tab or through a tunnel
              --port N         listen on port N (default: a free port)
              --secret VALUE   the Authorization header value the hook accepts (default: random)
              -h, --help       show this text""";

    /** @return the defaults: a free port, a random secret, stop after the scenarios */
    static DemoOptions defaults() {
        return new DemoOptions(0, false, null, false);
    }

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException with a one-line message if an argument is unknown or wrong
     */
    static DemoOptions parse(String... args) {
        int port = 0;
        boolean keepRunning = false;
        String secret = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "-h", "--help", "-help" -> {
                    return new DemoOptions(0, false, null, true);
                }
                case "--keep-running" -> keepRunning = true;
                case "--port" -> {
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : value(args, ++i, name);
                    port = port(value);
                }
                case "--secret" -> {
                    secret = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : value(args, ++i, name);
                    if (secret.isBlank() || secret.contains(",")) {
                        throw new IllegalArgumentException("--secret must be a non-blank value without commas");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new DemoOptions(port, keepRunning, secret, false);
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, was '" + value + "'");
    }
}
