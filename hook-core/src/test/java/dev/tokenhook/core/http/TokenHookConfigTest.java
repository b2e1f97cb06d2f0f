package dev.tokenhook.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.ReservedClaims;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenHookConfigTest {

    @Test
    void defaultsAreSafe() {
        TokenHookConfig d = TokenHookConfig.defaults();

        assertThat(d.enabled()).isTrue();
        assertThat(d.path()).isEqualTo("/okta/token-hook");
        assertThat(d.headerName()).isEqualTo("Authorization");
        assertThat(d.headerSecrets()).isEmpty();
        assertThat(d.allowUnauthenticated()).isFalse();
        assertThat(d.timeBudget()).isEqualTo(Duration.ofMillis(2500));
        assertThat(d.maxBodySize()).isEqualTo(256 * 1024);
        assertThat(d.onRuleFailure()).isEqualTo(RuleFailurePolicy.DROP_RULE);
    }

    @Test
    void readsEveryKeyFromStringProperties() {
        Map<String, String> props = Map.of(
                "tokenhook.enabled", "false",
                "tokenhook.path", "/hooks/token",
                "tokenhook.auth.header.name", "X-Okta-Secret",
                "tokenhook.auth.header.secrets", "one, two ,",
                "tokenhook.time-budget", "1.5s",
                "tokenhook.max-body-size", "512KB",
                "tokenhook.on-rule-failure", "no-change");

        TokenHookConfig config = TokenHookConfig.fromProperties(props::get);

        assertThat(config).isEqualTo(new TokenHookConfig(false, "/hooks/token", "X-Okta-Secret", List.of("one", "two"),
                false, Duration.ofMillis(1500), 512 * 1024, RuleFailurePolicy.NO_CHANGE));
    }

    @Test
    void reservedClaimsStartFromOktasTableAndTakeAllowAndDenyPerToken() {
        assertThat(TokenHookConfig.defaults().reservedClaims()).isEqualTo(ReservedClaims.defaults());

        TokenHookConfig config = TokenHookConfig.fromProperties(Map.of(
                "tokenhook.reserved-claims.access-token.allow", "cnf",
                "tokenhook.reserved-claims.access-token.deny", "role, permissions",
                "tokenhook.reserved-claims.id-token.allow", "groups",
                "tokenhook.reserved-claims.id-token.deny", "tenant"));

        assertThat(config.reservedClaims()).isEqualTo(ReservedClaims.defaults()
                .allow(TokenType.ACCESS_TOKEN, "cnf").reserve(TokenType.ACCESS_TOKEN, "role", "permissions")
                .allow(TokenType.ID_TOKEN, "groups").reserve(TokenType.ID_TOKEN, "tenant"));
    }

    @Test
    void reservedClaimKeysAreCheckedLikeEveryOther() {
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of(
                "tokenhook.reserved-claims.access-token.allow", "cnf, role",
                "tokenhook.reserved-claims.access-token.deny", "role")))
                .hasMessageContaining("tokenhook.reserved-claims.access-token.deny (from properties): names 'role', "
                        + "which tokenhook.reserved-claims.access-token.allow allows");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of(
                "tokenhook.reserved-claims.acess-token.allow", "cnf")))
                .hasMessageContaining("did you mean tokenhook.reserved-claims.access-token.allow?");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of(
                "tokenhook.reserved-claims.refresh-token.deny", "x")))
                .hasMessageContaining("is not a tokenhook key");
    }

    @Test
    void theEndpointRefusesWhatTheConfiguredTableReserves() {
        TokenHookConfig config = TokenHookConfig.fromProperties(Map.of("tokenhook.auth.allow-unauthenticated", "true",
                "tokenhook.reserved-claims.access-token.deny", "role",
                "tokenhook.reserved-claims.access-token.allow", "cnf"));
        ClaimRule role = ClaimRule.named("role", (request, patch) -> patch.accessToken().add("role", "nurse"));
        ClaimRule cnf = ClaimRule.named("cnf", (request, patch) -> patch.accessToken().add("cnf", Map.of()));
        byte[] body = """
                {"data":{"access":{"claims":{"sub":"ann@example.com"}}}}""".getBytes(StandardCharsets.UTF_8);

        try (TokenHookEndpoint endpoint = config.endpoint(List.of(role, cnf))) {
            String answer = new String(endpoint.handle(HookHttpRequest.of("POST",
                    Map.of("Content-Type", List.of("application/json")), body)).body(), StandardCharsets.UTF_8);

            assertThat(answer).contains("/claims/cnf").doesNotContain("/claims/role");
        }
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.time-budget", "soon")::get))
                .hasMessageContaining("tokenhook.time-budget");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.time-budget", "5s")::get))
                .hasMessageContaining("less than Okta's 3 s timeout");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.max-body-size", "lots")::get))
                .hasMessageContaining("tokenhook.max-body-size");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.max-body-size", "64MB")::get))
                .hasMessageContaining("tokenhook.max-body-size");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.on-rule-failure", "panic")::get))
                .hasMessageContaining("drop-rule, deny, no-change");
        assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.enabled", "yes")::get))
                .hasMessageContaining("tokenhook.enabled");
        for (String path : List.of("hooks", "/okta/*", "/okta/{id}", "/a b", "//x")) {
            assertThatThrownBy(() -> TokenHookConfig.fromProperties(Map.of("tokenhook.path", path)::get))
                    .as(path).hasMessageContaining("tokenhook.path");
        }
        assertThat(TokenHookConfig.fromProperties(Map.of("tokenhook.path", "/okta/token-hook/v2")::get).path())
                .isEqualTo("/okta/token-hook/v2");
    }

    @Test
    void endpointNeedsAuthenticationUnlessWaived() {
        TokenHookConfig none = TokenHookConfig.defaults();
        assertThatThrownBy(() -> none.endpoint(List.of()))
                .isInstanceOf(dev.tokenhook.core.auth.MissingAuthenticationException.class)
                .hasMessageContaining("tokenhook.auth.header.secrets");

        TokenHookConfig waived = TokenHookConfig.fromProperties(Map.of("tokenhook.auth.allow-unauthenticated", "true")::get);
        try (TokenHookEndpoint endpoint = waived.endpoint(List.of())) {
            assertThat(endpoint.maxBodySize()).isEqualTo(256 * 1024);
        }
        TokenHookConfig secret = TokenHookConfig.fromProperties(Map.of("tokenhook.auth.header.secrets", "s3cr3t")::get);
        try (TokenHookEndpoint endpoint = secret.endpoint(List.of())) {
            HookHttpResponse response = endpoint.handle(HookHttpRequest.of("POST",
                    Map.of("Content-Type", List.of("application/json")), "{}".getBytes()));
            assertThat(response.status()).isEqualTo(401);
        }
    }
}
