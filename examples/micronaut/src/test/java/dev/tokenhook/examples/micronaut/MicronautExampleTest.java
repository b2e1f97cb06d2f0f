package dev.tokenhook.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import dev.tokenhook.testkit.TokenHookRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
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

    /** As {@code PORT=<random> TOKENHOOK_AUTH_SECRET=... java -jar} would, on a random loopback port. */
    private static ApplicationContext start(Map<String, Object> props) {
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .mainClass(Application.class)
                .properties(Map.of("micronaut.server.host", "127.0.0.1", "PORT", -1))
                .properties(props)
                .start();
        try {
            context.getBean(EmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    @BeforeAll
    void startApplication() {
        context = start(Map.of("TOKENHOOK_AUTH_SECRET", SECRET));
        hook = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + "/okta/token-hook");
    }

    @AfterAll
    void stopApplication() {
        context.close();
    }

    /**
     * nimbus-jose-jwt is in the example: with OAuth 2.0 configured, Okta's bearer token is accepted (the
     * shared secret stays set, as the example's properties require it).
     */
    @Test
    void acceptsOktasBearerTokenWithOAuth2() throws Exception {
        try (TestIssuer issuer = TestIssuer.start()) {
            Map<String, Object> props = new HashMap<>(issuer.properties());
            props.put("TOKENHOOK_AUTH_SECRET", SECRET);
            try (ApplicationContext oauth = start(props)) {
                URI uri = URI.create("http://127.0.0.1:" + oauth.getBean(EmbeddedServer.class).getPort() + "/okta/token-hook");
                byte[] request = TokenHookRequests.authorizationCode().user("isaac.brock@example.com").build().json();

                HookCall call = new OktaHookCaller(uri, "Authorization", "Bearer " + issuer.accessToken()).call(request);
                assertThat(call.status()).isEqualTo(200);
                assertThat(call.bodyText()).contains("\"1234\"");
                assertThat(new OktaHookCaller(uri, "Authorization",
                        "Bearer " + issuer.accessToken(Map.of("aud", "api://other"))).call(request).status()).isEqualTo(401);
            }
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
    void refusesToStartWithoutASecret() {
        assumeTrue(System.getenv("TOKENHOOK_AUTH_SECRET") == null, "TOKENHOOK_AUTH_SECRET is set in this environment");

        assertThatThrownBy(() -> start(Map.of()).close())
                .hasRootCauseInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenhook.auth.header.secrets")
                .hasMessageContaining("is blank");
    }
}
