package dev.tokenhook.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.examples.patient.PatientStores;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import dev.tokenhook.testkit.TokenHookRequests;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The patient scenario over HTTP against the application as it ships, on a random port. */
@ExtendWith(OutputCaptureExtension.class)
class PatientHookApplicationTest {

    private static final String SECRET = "Basic cGF0aWVudHM6aG9vaw==";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext app;
    private static URI hook;

    @BeforeAll
    static void start() {
        // The same variables a user sets; arguments win over a real environment.
        app = SpringApplication.run(PatientHookApplication.class,
                "--PORT=0", "--server.address=127.0.0.1", "--TOKENHOOK_AUTH_SECRET=" + SECRET);
        hook = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/okta/token-hook");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static byte[] signIn(String login) {
        return TokenHookRequests.authorizationCode().user(login).build().json();
    }

    @Test
    void patientGetsExtPatientId() throws Exception {
        HookCall call = new OktaHookCaller(hook, "Authorization", SECRET).call(signIn("isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("""
                {"commands":[{"type":"com.okta.identity.patch",
                  "value":[{"op":"add","path":"/claims/extPatientId","value":"1234"}]}]}
                """));
    }

    @Test
    void clientCredentialsGetsNoChange() throws Exception {
        HookCall call = new OktaHookCaller(hook, "Authorization", SECRET)
                .call(TokenHookRequests.clientCredentials().build().json());

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void nonPatientGetsNoChange() throws Exception {
        HookCall call = new OktaHookCaller(hook, "Authorization", SECRET).call(signIn("someone@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void wrongSecretIs401() {
        HookCall call = new OktaHookCaller(hook, "Authorization", "Basic d3Jvbmc6c2VjcmV0")
                .call(signIn("isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(401);
        assertThat(call.bodyText()).doesNotContain("1234");
    }

    @Test
    void theRuleIsABeanOverBootsDataSource() {
        assertThat(app.getBeansOfType(ClaimRule.class)).containsOnlyKeys("patientIdRule");
        assertThat(app.getBean(TokenHookEndpoint.class).hook().rules()).extracting(ClaimRule::name)
                .containsExactly("patient-id");
    }

    @Test
    void bootsPoolWaitsForAConnectionAsLittleAsTheOtherExamples() {
        HikariDataSource pool = app.getBean(HikariDataSource.class);

        assertThat(pool.getConnectionTimeout()).isEqualTo(PatientStores.CONNECTION_TIMEOUT.toMillis());
        assertThat(pool.getValidationTimeout()).isEqualTo(1_000);
    }

    /**
     * A secret sent in a malformed header (a space before the colon, or followed by a NUL byte) is refused
     * by Tomcat's parser, which would log the raw header at INFO: the example keeps it out of the log.
     */
    @Test
    void secretInAMalformedHeaderNeverReachesTheLog(CapturedOutput output) throws Exception {
        for (String header : List.of("Authorization : " + SECRET, "Authorization: " + SECRET + "\u0000")) {
            try (Socket socket = new Socket(hook.getHost(), hook.getPort())) {
                socket.setSoTimeout(3_000);
                socket.getOutputStream().write(("POST " + hook.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
                assertThat(status).startsWith("HTTP/1.1 4");
            }
        }

        assertThat(output.getOut() + output.getErr()).doesNotContain(SECRET).doesNotContain("cGF0aWVudHM6aG9vaw");
    }

    /**
     * The application as {@code java -jar} starts it with these environment variables (next to the real ones),
     * on a random loopback port.
     */
    private static ConfigurableApplicationContext runWithEnvironment(Map<String, String> variables) {
        Map<String, Object> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TOKENHOOK_AUTH_"));
        environment.putAll(variables);
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        SpringApplication application = new SpringApplication(PatientHookApplication.class);
        application.setEnvironment(spring);
        return application.run("--PORT=0", "--server.address=127.0.0.1");
    }

    private static URI hookOf(ConfigurableApplicationContext context) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/okta/token-hook");
    }

    /**
     * nimbus-jose-jwt is in the example: with OAuth 2.0 configured from the environment variables alone (no
     * {@code TOKENHOOK_AUTH_SECRET}), Okta's bearer token is accepted and anything else refused.
     */
    @Test
    void startsWithOAuth2AloneFromEnvironmentVariables() {
        try (TestIssuer issuer = TestIssuer.start();
                ConfigurableApplicationContext oauth = runWithEnvironment(Map.of(
                        "TOKENHOOK_AUTH_OAUTH2_ISSUER", issuer.issuer(),
                        "TOKENHOOK_AUTH_OAUTH2_AUDIENCE", TestIssuer.AUDIENCE))) {
            URI uri = hookOf(oauth);

            HookCall call = new OktaHookCaller(uri, "Authorization", "Bearer " + issuer.accessToken())
                    .call(signIn("isaac.brock@example.com"));
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.bodyText()).contains("\"1234\"");
            assertThat(new OktaHookCaller(uri, "Authorization", "Bearer " + issuer.accessToken(Map.of("aud", "api://other")))
                    .call(signIn("isaac.brock@example.com")).status()).isEqualTo(401);
            assertThat(new OktaHookCaller(uri, "Authorization", SECRET).call(signIn("isaac.brock@example.com")).status())
                    .isEqualTo(401);
        }
    }

    /** The shared secret and OAuth 2.0 from the environment together: either is accepted. */
    @Test
    void acceptsTheSecretAndOktasBearerTokenWithBoth() {
        try (TestIssuer issuer = TestIssuer.start();
                ConfigurableApplicationContext both = runWithEnvironment(Map.of("TOKENHOOK_AUTH_SECRET", SECRET,
                        "TOKENHOOK_AUTH_OAUTH2_ISSUER", issuer.issuer(),
                        "TOKENHOOK_AUTH_OAUTH2_AUDIENCE", TestIssuer.AUDIENCE))) {
            URI uri = hookOf(both);

            assertThat(new OktaHookCaller(uri, "Authorization", "Bearer " + issuer.accessToken())
                    .call(signIn("isaac.brock@example.com")).bodyText()).contains("\"1234\"");
            assertThat(new OktaHookCaller(uri, "Authorization", SECRET)
                    .call(signIn("isaac.brock@example.com")).bodyText()).contains("\"1234\"");
        }
    }

    @Test
    void refusesToStartWithNeitherSecretNorOAuth2(CapturedOutput output) {
        for (Map<String, String> variables : List.of(Map.<String, String>of(), Map.of("TOKENHOOK_AUTH_SECRET", " "))) {
            assertThatThrownBy(() -> runWithEnvironment(variables).close())
                    .hasRootCauseInstanceOf(MissingAuthenticationException.class);
        }
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("neither TOKENHOOK_AUTH_SECRET nor TOKENHOOK_AUTH_OAUTH2_ISSUER is set")
                .contains(NoAuthenticationAnalyzer.ACTION);
    }

    /** An explicitly configured blank secret is still refused by hook-core, not taken as "no secret". */
    @Test
    void refusesABlankConfiguredSecret(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(PatientHookApplication.class,
                "--PORT=0", "--server.address=127.0.0.1", "--tokenhook.auth.header.secrets="))
                .hasStackTraceContaining("tokenhook.auth.header.secrets");
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START");
    }
}
