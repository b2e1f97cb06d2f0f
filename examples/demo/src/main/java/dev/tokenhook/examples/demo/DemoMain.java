package dev.tokenhook.examples.demo;

/**
 * Runs the offline demo: {@code ./demo} at the repository root, or
 * {@code java -jar examples/demo/target/example-demo.jar [--keep-running] [--port N] [--secret VALUE]}.
 *
 * <p>Starts {@link dev.tokenhook.examples.jetty.JettyHookApp} (the patient-store hook on embedded Jetty)
 * with a shared secret, then plays Okta against it over real HTTP: an authorization-code sign-in of a
 * patient, one of a non-patient and a client-credentials call. For each it prints the hook's answer,
 * what Okta makes of it, and each minted token as a signed JWT with its decoded claims. Exits 0 when
 * only the patient's ID token carries {@code extPatientId}, 1 when a scenario went otherwise, 2 on a
 * wrong command line or when the hook cannot start. With {@code --keep-running} the hook keeps serving
 * until Ctrl-C, and the demo prints how to call it.
 */
public final class DemoMain {

    /**
     * The level of the hook's logger, read by Jetty's slf4j backend when it starts: WARN unless kept running,
     * then DEBUG, the level of a successful call's line.
     */
    private static final String HOOK_LOG_LEVEL = "dev.tokenhook.LEVEL";

    private DemoMain() {
    }

    /**
     * @param args {@code --keep-running}, {@code --port N}, {@code --secret VALUE}, {@code --help}
     */
    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println();
            System.err.println(DemoOptions.USAGE);
            System.exit(Demo.USAGE_OR_START_ERROR);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        if (options.keepRunning() && System.getProperty(HOOK_LOG_LEVEL) == null) {
            // Before the first logger exists: the hook then logs one line per call on stderr (successes at DEBUG).
            System.setProperty(HOOK_LOG_LEVEL, "DEBUG");
        }
        System.exit(Demo.run(System.out, options));
    }
}
