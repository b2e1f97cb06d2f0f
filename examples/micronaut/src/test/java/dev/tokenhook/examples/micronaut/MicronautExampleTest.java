package dev.tokenhook.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import dev.tokenhook.testkit.TokenHookRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The patient scenario over HTTP, against the example application as configured in its application.properties. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautExampleTest {

    private static final String SECRET = "Basic ZXhhbXBsZTptaWNyb25hdXQ=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationContext context;
    private URI hook;

    /**
     * As {@code PORT=<random> java -jar} would with these environment variables (instead of the real
     * {@code TOKENHOOK_AUTH_*} ones), on a random loopback port.
     */
    private static ApplicationContext start(Map<String, String> variables) {
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .mainClass(Application.class)
                .properties(Map.of("micronaut.server.host", "127.0.0.1", "PORT", -1))
                .propertySources(PropertySource.of("test-environment", new HashMap<String, Object>(variables),
                                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE,
                                PropertySource.Origin.of("test-environment")),
                        Application.secretFrom(variables))
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private static URI hookOf(ApplicationContext context) {
        return URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + "/okta/token-hook");
    }

    @BeforeAll
    void startApplication() {
        context = start(Map.of("TOKENHOOK_AUTH_SECRET", SECRET));
        hook = hookOf(context);
    }

    @AfterAll
    void stopApplication() {
        context.close();
    }

    /**
     * nimbus-jose-jwt is in the example: with OAuth 2.0 configured from the environment variables alone (no
     * {@code TOKENHOOK_AUTH_SECRET}), Okta's bearer token is accepted and anything else refused.
     */
    @Test
    void startsWithOAuth2AloneFromEnvironmentVariables() throws Exception {
        try (TestIssuer issuer = TestIssuer.start();
                ApplicationContext oauth = start(Map.of("TOKENHOOK_AUTH_OAUTH2_ISSUER", issuer.issuer(),
                        "TOKENHOOK_AUTH_OAUTH2_AUDIENCE", TestIssuer.AUDIENCE))) {
            URI uri = hookOf(oauth);
            byte[] request = TokenHookRequests.authorizationCode().user("isaac.brock@example.com").build().json();

            HookCall call = new OktaHookCaller(uri, "Authorization", "Bearer " + issuer.accessToken()).call(request);
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.bodyText()).contains("\"1234\"");
            assertThat(new OktaHookCaller(uri, "Authorization",
                    "Bearer " + issuer.accessToken(Map.of("aud", "api://other"))).call(request).status()).isEqualTo(401);
            assertThat(new OktaHookCaller(uri, "Authorization", SECRET).call(request).status()).isEqualTo(401);
        }
    }

    /** The shared secret and OAuth 2.0 from the environment together: either is accepted. */
    @Test
    void acceptsTheSecretAndOktasBearerTokenWithBoth() throws Exception {
        try (TestIssuer issuer = TestIssuer.start();
                ApplicationContext both = start(Map.of("TOKENHOOK_AUTH_SECRET", SECRET,
                        "TOKENHOOK_AUTH_OAUTH2_ISSUER", issuer.issuer(),
                        "TOKENHOOK_AUTH_OAUTH2_AUDIENCE", TestIssuer.AUDIENCE))) {
            URI uri = hookOf(both);
            byte[] request = TokenHookRequests.authorizationCode().user("isaac.brock@example.com").build().json();

            assertThat(new OktaHookCaller(uri, "Authorization", "Bearer " + issuer.accessToken()).call(request)
                    .bodyText()).contains("\"1234\"");
            assertThat(new OktaHookCaller(uri, "Authorization", SECRET).call(request).bodyText()).contains("\"1234\"");
        }
    }

    /** The example turns Netty's request decompression off, so a compressed call is refused, not inflated. */
    @Test
    void compressedCallIs415() {
        HookCall call = new OktaHookCaller(hook, Map.of()).send("POST", Map.of("Authorization", SECRET,
                "Content-Type", "application/json", "Content-Encoding", "gzip"), new byte[] {0x1f, (byte) 0x8b, 8, 0});

        assertThat(call.status()).isEqualTo(415);
    }

    @Test
    void patientGetsExtPatientIdInTheIdToken() throws Exception {
        HookCall call = new OktaHookCaller(hook, "Authorization", SECRET).call(
                TokenHookRequests.authorizationCode().eventId("evt-isaac").user("isaac.brock@example.com").build().json());

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("""
                {"commands":[{"type":"com.okta.identity.patch",
                  "value":[{"op":"add","path":"/claims/extPatientId","value":"1234"}]}]}
                """));
    }

    @Test
    void nonPatientGetsNoChange() throws Exception {
        HookCall call = new OktaHookCaller(hook, "Authorization", SECRET).call(
                TokenHookRequests.authorizationCode().eventId("evt-other").user("someone@example.com").build().json());

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void wrongSecretIs401() {
        HookCall call = new OktaHookCaller(hook, "Authorization", "Basic bm90OnRoZS1zZWNyZXQ=").call(
                TokenHookRequests.authorizationCode().user("isaac.brock@example.com").build().json());

        assertThat(call.status()).isEqualTo(401);
        assertThat(call.bodyText()).doesNotContain("1234");
    }

    @Test
    void refusesToStartWithNeitherSecretNorOAuth2() {
        assumeTrue(System.getenv().keySet().stream().noneMatch(name -> name.startsWith("TOKENHOOK_AUTH_")),
                "TOKENHOOK_AUTH_* is set in this environment");

        for (Map<String, String> variables : List.of(Map.<String, String>of(), Map.of("TOKENHOOK_AUTH_SECRET", " "))) {
            Throwable refused = catchThrowable(() -> start(variables).close());

            assertThat(refused).hasRootCauseInstanceOf(MissingAuthenticationException.class);
            assertThat(Application.refusal(refused)).isEqualTo("example-micronaut refuses to start: the token hook has no"
                    + " authentication: set TOKENHOOK_AUTH_SECRET to the exact Authorization value Okta sends, or"
                    + " TOKENHOOK_AUTH_OAUTH2_ISSUER and TOKENHOOK_AUTH_OAUTH2_AUDIENCE for Okta's OAuth 2.0 bearer tokens");
        }
    }

    /** An explicitly configured blank secret is still refused by hook-core, not taken as "no secret". */
    @Test
    void refusesABlankConfiguredSecret() {
        Throwable refused = catchThrowable(() -> start(Map.of("TOKENHOOK_AUTH_HEADER_SECRETS", " ")).close());

        assertThat(refused).hasRootCauseInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenhook.auth.header.secrets").hasMessageContaining("is blank");
        assertThat(Application.refusal(refused)).contains("TOKENHOOK_AUTH_SECRET");
    }
}
