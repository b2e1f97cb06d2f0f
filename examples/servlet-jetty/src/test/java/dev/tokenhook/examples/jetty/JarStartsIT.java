package dev.tokenhook.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar, run as the README says: {@code java -jar target/example-servlet-jetty.jar}. */
class JarStartsIT {

    private static final Path JAR = Path.of(System.getProperty("example.jar", "target/example-servlet-jetty.jar"));
    private static final Pattern LISTENING = Pattern.compile("tokenhook: listening on port (\\d+)");

    @Test
    void servesThePatientScenarioAndStopsCleanlyOnSigterm() throws Exception {
        Launched app = launch(Map.of("PORT", "0", "TOKENHOOK_AUTH_SECRET", PatientRequests.SECRET));
        try {
            int port = app.awaitPort();
            HookCall call = new OktaHookCaller(URI.create("http://127.0.0.1:" + port + JettyHookApp.PATH),
                    "Authorization", PatientRequests.SECRET)
                    .call(PatientRequests.signIn("evt-jar", "isaac.brock@example.com"));
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.bodyText()).contains("/claims/extPatientId").contains("\"1234\"");

            app.process.destroy(); // SIGTERM
            assertThat(app.process.waitFor(20, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(app.process.exitValue()).isIn(0, 143);
            assertThat(app.stdout()).contains("tokenhook: stopped");
            assertThat(app.stderr()).doesNotContain("Exception");
        } finally {
            app.process.destroyForcibly();
        }
    }

    @Test
    void refusesToStartWithoutASecret() throws Exception {
        Launched app = launch(Map.of("PORT", "0"));
        try {
            assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process.exitValue()).isEqualTo(JettyHookApp.CONFIG_ERROR);
            assertThat(app.stderr().strip()).startsWith("tokenhook: TOKENHOOK_AUTH_SECRET is not set").doesNotContain("\tat ");
        } finally {
            app.process.destroyForcibly();
        }
    }

    /** nimbus-jose-jwt is in the jar: OAuth 2.0 works from the environment alone, without a shared secret. */
    @Test
    void acceptsOktasBearerTokenWithOAuth2FromTheEnvironment() throws Exception {
        try (TestIssuer issuer = TestIssuer.start()) {
            Map<String, String> env = new HashMap<>(Map.of("PORT", "0"));
            issuer.properties().forEach((key, value) ->
                    env.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
            Launched app = launch(env);
            try {
                URI hook = URI.create("http://127.0.0.1:" + app.awaitPort() + JettyHookApp.PATH);
                byte[] request = PatientRequests.signIn("evt-jar-oauth", "isaac.brock@example.com");

                HookCall call = new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken()).call(request);
                assertThat(call.status()).isEqualTo(200);
                assertThat(call.bodyText()).contains("\"1234\"");
                assertThat(new OktaHookCaller(hook, "Authorization", PatientRequests.SECRET).call(request).status())
                        .isEqualTo(401);
            } finally {
                app.process.destroyForcibly();
            }
        }
    }

    @Test
    void refusesAnIncompleteOAuth2ConfigurationWithOneLine() throws Exception {
        Launched app = launch(Map.of("PORT", "0", "TOKENHOOK_AUTH_OAUTH2_ISSUER", "https://example.okta.com/oauth2/hooks"));
        try {
            assertThat(app.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process.exitValue()).isEqualTo(JettyHookApp.CONFIG_ERROR);
            assertThat(app.stderr().strip()).startsWith("tokenhook: ").contains("tokenhook.auth.oauth2.audience")
                    .doesNotContain("\n").doesNotContain("\tat ");
        } finally {
            app.process.destroyForcibly();
        }
    }

    private static Launched launch(Map<String, String> env) throws IOException {
        assertThat(JAR).as("run 'package' first").exists();
        Path logs = Files.createDirectories(Path.of("target", "jar-it"));
        Path out = Files.createTempFile(logs, "stdout", ".log");
        Path err = Files.createTempFile(logs, "stderr", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.equals("PORT") || name.startsWith("TOKENHOOK_"));
        builder.environment().putAll(env);
        return new Launched(builder.start(), out, err);
    }

    private record Launched(Process process, Path out, Path err) {

        int awaitPort() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher m = LISTENING.matcher(stdout());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the jar did not start; stderr:\n" + stderr());
        }

        String stdout() throws IOException {
            return Files.readString(out);
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }
    }
}
