package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OAuth 2.0 hook authentication wired through {@code tokenhook.auth.oauth2.*} only, on the real Netty server,
 * with a loopback issuer standing in for Okta's authorization server. No shared secret is configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuth2MicronautTest {

    private static final byte[] REQUEST = """
            {"eventId":"evt-oauth","data":{"access":{"claims":{"sub":"x"},"token":{"lifetime":{"expiration":3600}}}}}
            """.getBytes(StandardCharsets.UTF_8);

    private TestIssuer issuer;
    private EmbeddedServer server;
    private URI hook;

    @BeforeAll
    void start() {
        issuer = TestIssuer.start();
        ClaimRule eventId = ClaimRule.named("event-id", (request, patch) -> {
            if (request.mints(TokenType.ACCESS_TOKEN)) {
                patch.accessToken().add("hook_event", request.eventId());
            }
        });
        server = MicronautServers.start(Map.copyOf(issuer.properties()), List.of(eventId));
        hook = MicronautServers.uri(server, "/okta/token-hook");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        issuer.close();
    }

    @Test
    void bearerTokenFromTheIssuerIsAcceptedAndOthersAreNot() {
        HookCall accepted = new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken()).call(REQUEST);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.bodyText()).contains("evt-oauth");

        assertThat(new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken(Map.of("aud", "api://other")))
                .call(REQUEST).status()).isEqualTo(401);
        assertThat(new OktaHookCaller(hook, Map.of()).call(REQUEST).status()).isEqualTo(401);
    }
}
