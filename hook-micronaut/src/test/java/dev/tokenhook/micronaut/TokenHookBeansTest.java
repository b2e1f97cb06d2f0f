package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.auth.AuthResult;
import dev.tokenhook.core.auth.HookAuthenticator;
import dev.tokenhook.core.auth.MissingAuthenticationException;
import dev.tokenhook.core.auth.OAuth2Settings;
import dev.tokenhook.core.config.ConfigException;
import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookEvent;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookListener;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.patch.ReservedClaims;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The beans and the {@code tokenhook.*} binding, through {@link ApplicationContext}s started with properties. */
class TokenHookBeansTest {

    private static final String SECRET = "Basic YmVhbnM6dGVzdA==";
    private static final Map<String, Object> WITH_SECRET = Map.of("tokenhook.auth.header.secrets", SECRET);

    private static ApplicationContext run(Map<String, Object> props) {
        return ApplicationContext.builder().deduceEnvironment(false).properties(props).start();
    }

    @Test
    void enabledByDefault() {
        try (ApplicationContext context = run(WITH_SECRET)) {
            assertThat(context.containsBean(TokenHookEndpoint.class)).isTrue();
            assertThat(context.containsBean(TokenHookController.class)).isTrue();
        }
    }

    @Test
    void disabledRegistersNothingAndNeedsNoSecret() {
        try (ApplicationContext context = run(Map.of("tokenhook.enabled", "false"))) {
            assertThat(context.containsBean(TokenHookEndpoint.class)).isFalse();
            assertThat(context.containsBean(TokenHookController.class)).isFalse();
        }
    }

    @Test
    void disabledInAnyCaseRegistersNothing() {
        try (ApplicationContext context = run(Map.of("tokenhook.enabled", "FALSE"))) {
            assertThat(context.containsBean(TokenHookEndpoint.class)).isFalse();
            assertThat(context.containsBean(TokenHookController.class)).isFalse();
        }
    }

    @Test
    void anEndpointBeanOfTheApplicationReplacesTheFactorys() {
        TokenHookEndpoint own = TokenHookEndpoint.builder(TokenHook.builder().build()).allowUnauthenticated().build();
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).singletons(own).start()) {
            assertThat(context.getBeansOfType(TokenHookEndpoint.class)).containsExactly(own);
            assertThat(context.containsBean(TokenHookController.class)).isTrue();
        }
    }

    @Test
    void missingAuthenticationFailsStartupNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of()).close())
                .hasRootCauseInstanceOf(MissingAuthenticationException.class)
                .hasMessageContaining("tokenhook.auth.header.secrets");
        assertThatThrownBy(() -> run(Map.of("tokenhook.auth.header.secrets", "")).close())
                .hasRootCauseInstanceOf(ConfigException.class)
                .hasMessageContaining("tokenhook.auth.header.secrets (from context): is blank");
    }

    @Test
    void invalidValueFailsStartupNamingTheKey() {
        assertThatThrownBy(() -> run(Map.of("tokenhook.auth.header.secrets", SECRET, "tokenhook.time-budget", "5s"))
                .close())
                .hasMessageContaining("tokenhook.time-budget");
    }

    @Test
    void unsetKeysTakeHookCoresDefaults() {
        try (ApplicationContext context = run(WITH_SECRET)) {
            TokenHookConfig d = TokenHookConfig.defaults();
            assertThat(TokenHookConfig.from(context.getBean(TokenHookSettings.class))).isEqualTo(new TokenHookConfig(
                    d.enabled(), d.path(), d.headerName(), List.of(SECRET), d.allowUnauthenticated(), d.timeBudget(),
                    d.maxBodySize(), d.onRuleFailure()));
        }
    }

    @Test
    void everyKeyIsBoundWithHookCoresSyntax() {
        Map<String, Object> props = Map.of(
                "tokenhook.path", "/hooks/okta",
                "tokenhook.auth.header.name", "X-Okta-Secret",
                "tokenhook.auth.header.secrets", "new-secret, old-secret",
                "tokenhook.auth.allow-unauthenticated", "false",
                "tokenhook.time-budget", "1.5s",
                "tokenhook.max-body-size", "128KB",
                "tokenhook.on-rule-failure", "no-change");
        try (ApplicationContext context = run(props)) {
            assertThat(TokenHookConfig.from(context.getBean(TokenHookSettings.class))).isEqualTo(new TokenHookConfig(true,
                    "/hooks/okta", "X-Okta-Secret", List.of("new-secret", "old-secret"), false,
                    Duration.ofMillis(1500), 128 * 1024, RuleFailurePolicy.NO_CHANGE));
            assertThat(context.getBean(TokenHookEndpoint.class).maxBodySize()).isEqualTo(128 * 1024);
        }
    }

    @Test
    void reservedClaimKeysAreBound() {
        Map<String, Object> props = Map.of(
                "tokenhook.auth.header.secrets", SECRET,
                "tokenhook.reserved-claims.access-token.allow", "cnf",
                "tokenhook.reserved-claims.access-token.deny", List.of("role", "permissions"),
                "tokenhook.reserved-claims.id-token.deny", "tenant");
        try (ApplicationContext context = run(props)) {
            ReservedClaims expected = ReservedClaims.defaults().allow(TokenType.ACCESS_TOKEN, "cnf")
                    .reserve(TokenType.ACCESS_TOKEN, "role", "permissions").reserve(TokenType.ID_TOKEN, "tenant");
            assertThat(TokenHookConfig.from(context.getBean(TokenHookSettings.class)).reservedClaims())
                    .isEqualTo(expected);
            assertThat(context.getBean(TokenHookEndpoint.class).hook().reservedClaims()).isEqualTo(expected);
        }
    }

    @Test
    void oauth2KeysAreBound() {
        Map<String, Object> props = Map.of(
                "tokenhook.auth.oauth2.issuer", "https://example.okta.com/oauth2/default",
                "tokenhook.auth.oauth2.audience", "api://token-hook",
                "tokenhook.auth.oauth2.jwks-uri", "https://example.okta.com/oauth2/default/v1/keys",
                "tokenhook.auth.oauth2.client-id", "0oahook",
                "tokenhook.auth.oauth2.scope", "okta.hooks");
        try (ApplicationContext context = run(props)) {
            assertThat(TokenHookConfig.from(context.getBean(TokenHookSettings.class)).oauth2()).isEqualTo(new OAuth2Settings(
                    "https://example.okta.com/oauth2/default", "api://token-hook",
                    "https://example.okta.com/oauth2/default/v1/keys", "0oahook", "okta.hooks"));
        }
    }

    @Test
    void listenerBeansHearEveryCall() {
        List<HookEvent> events = new CopyOnWriteArrayList<>();
        HookListener listener = events::add;
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(WITH_SECRET).singletons(listener).start()) {
            context.getBean(TokenHookEndpoint.class).handle(HookHttpRequest.of("GET", Map.of(), new byte[0]));
        }
        assertThat(events).extracting(HookEvent::status).containsExactly(405);
    }

    @Test
    void authenticatorBeansAreAcceptedBesidesTheConfiguredOnes() {
        HookAuthenticator gateway = headers -> "yes".equals(headers.first("X-Gateway-Verified"))
                ? AuthResult.success("gateway") : AuthResult.failure("no gateway header");
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .singletons(gateway).start()) {
            TokenHookEndpoint endpoint = context.getBean(TokenHookEndpoint.class);
            // Past authentication, a POST without a JSON content type is a 415; before it, a 401.
            assertThat(endpoint.handle(HookHttpRequest.of("POST", Map.of("X-Gateway-Verified", List.of("yes")),
                    new byte[0])).status()).isEqualTo(415);
            assertThat(endpoint.handle(HookHttpRequest.of("POST", Map.of(), new byte[0])).status()).isEqualTo(401);
        }
    }

    @Test
    void ruleBeansRunInOrder() {
        try (ApplicationContext context = run(Map.of("tokenhook.auth.header.secrets", SECRET,
                OrderedRules.ENABLE, "true"))) {
            assertThat(context.getBean(TokenHookEndpoint.class).hook().rules())
                    .extracting(ClaimRule::name).containsExactly("ZuluRule", "AlphaRule");
        }
    }

    @Test
    void hookCoreRunsOnTheJacksonMicronautShips() {
        // The pom pins Jackson to Micronaut 4.10's 2.19.x, below the parent's 2.21.x: hook-core must run on it.
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).startsWith("2.19.");
    }

    @Test
    void customPathIsServedAndTheDefaultIsNot() {
        Map<String, Object> props = Map.of("tokenhook.auth.header.secrets", SECRET, "tokenhook.path", "/hooks/okta");
        ApplicationContext context = MicronautServers.start(props, List.of()).getApplicationContext();
        try (context) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            byte[] noTokens = "{\"eventId\":\"evt-path\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
            HookCall custom = new OktaHookCaller(MicronautServers.uri(server, "/hooks/okta"), "Authorization", SECRET)
                    .call(noTokens);
            HookCall old = new OktaHookCaller(MicronautServers.uri(server, TokenHookConfig.DEFAULT_PATH),
                    "Authorization", SECRET).call(noTokens);

            assertThat(custom.status()).isEqualTo(200);
            assertThat(custom.bodyText()).isEqualTo("{}");
            assertThat(old.status()).isEqualTo(404);
        }
    }
}
