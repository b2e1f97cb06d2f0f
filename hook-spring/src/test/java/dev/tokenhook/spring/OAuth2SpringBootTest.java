package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.OktaHookCaller;
import dev.tokenhook.testkit.TestIssuer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OAuth 2.0 hook authentication wired through {@code tokenhook.auth.oauth2.*} only, on a real server, with a
 * loopback issuer standing in for Okta's authorization server. No shared secret is configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuth2SpringBootTest {

    private static final byte[] REQUEST = """
            {"eventId":"evt-oauth","data":{"access":{"claims":{"sub":"x"},"token":{"lifetime":{"expiration":3600}}}}}
            """.getBytes(StandardCharsets.UTF_8);

    private TestIssuer issuer;
    private ConfigurableApplicationContext context;
    private URI hook;

    @BeforeAll
    void start() {
        issuer = TestIssuer.start();
        Map<String, Object> properties = new HashMap<>(issuer.properties());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        context = new SpringApplicationBuilder(TestHookApplication.class, EventIdRule.class)
                .properties(properties)
                .run();
        hook = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                + "/okta/token-hook");
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        issuer.close();
    }

    @Test
    void bearerTokenFromTheIssuerIsAcceptedAndOthersAreNot() {
        var accepted = new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken()).call(REQUEST);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.bodyText()).contains("evt-oauth");

        assertThat(new OktaHookCaller(hook, "Authorization", "Bearer " + issuer.accessToken(Map.of("aud", "api://other")))
                .call(REQUEST).status()).isEqualTo(401);
        assertThat(new OktaHookCaller(hook, Map.of()).call(REQUEST).status()).isEqualTo(401);
    }

    /** Copies the eventId into the access token, so an accepted call is visible in the answer. */
    @Configuration(proxyBeanMethods = false)
    static class EventIdRule {
        @Bean
        ClaimRule eventIdRule() {
            return ClaimRule.named("event-id", (request, patch) -> {
                if (request.mints(TokenType.ACCESS_TOKEN)) {
                    patch.accessToken().add("hook_event", request.eventId());
                }
            });
        }
    }
}
