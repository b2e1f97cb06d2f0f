package dev.tokenhook.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.RuleFailurePolicy;
import dev.tokenhook.core.rule.TokenHook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenHookMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static final String SIGN_IN = """
            {"eventId":"e","data":{"context":{"protocol":{"request":{"grant_type":"%s"}},
             "user":{"profile":{"login":"%s"}}},"identity":{"claims":{"sub":"00u"}},"access":{"claims":{}}}}
            """;

    private void call(TokenHookEndpoint endpoint, String grant, String login) {
        endpoint.handle(HookHttpRequest.of("POST", Map.of("Content-Type", List.of("application/json")),
                SIGN_IN.formatted(grant, login).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void metersMoveForAppliedFailedTimedOutRejectedAndDenied() {
        try (TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder()
                        .timeBudget(Duration.ofMillis(300))
                        .rule("patient", (request, patch) -> patch.idToken().add("extPatientId", "1"))
                        .rule("broken", (request, patch) -> {
                            if (request.userLogin().orElse("").startsWith("broken")) {
                                throw new IllegalStateException("x");
                            }
                        })
                        .rule("slow", (request, patch) -> {
                            if (request.userLogin().orElse("").startsWith("slow")) {
                                Thread.sleep(5_000);
                            }
                        })
                        .rule("sneaky", (request, patch) -> {
                            if (request.userLogin().orElse("").startsWith("sneaky")) {
                                patch.idToken().replace("sub", "x");
                            }
                        })
                        .rule("gate", (request, patch) -> {
                            if (request.userLogin().orElse("").startsWith("blocked")) {
                                patch.deny("no");
                            }
                        })
                        .build())
                .allowUnauthenticated()
                .listener(new TokenHookMetrics(registry))
                .build()) {
            call(endpoint, "authorization_code", "ok@example.com");
            call(endpoint, "client_credentials", "broken@example.com");
            call(endpoint, "refresh_token", "slow@example.com");
            call(endpoint, "made-up-grant", "sneaky@example.com");
            call(endpoint, "authorization_code", "blocked@example.com");
        }

        assertThat(registry.get("tokenhook.requests").tag("outcome", "patched").tag("grant_type", "authorization_code")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("tokenhook.requests").tag("outcome", "patched").timers().stream()
                .mapToLong(t -> t.count()).sum()).isEqualTo(4);
        assertThat(registry.get("tokenhook.requests").tag("grant_type", "other").timer().count()).isEqualTo(1);
        assertThat(registry.get("tokenhook.rule.failures").tag("rule", "broken")
                .tag("exception", "IllegalStateException").counter().count()).isEqualTo(1);
        assertThat(registry.get("tokenhook.rule.timeouts").tag("rule", "slow").tag("status", "timed-out")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("tokenhook.rule.violations").tag("rule", "sneaky").tag("kind", "RESERVED_CLAIM")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("tokenhook.denials").tag("source", "rule").counter().count()).isEqualTo(1);
    }

    @Test
    void failurePolicyDenialsAreTaggedAsSuch() {
        try (TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder()
                        .onRuleFailure(RuleFailurePolicy.DENY)
                        .rule("broken", (request, patch) -> {
                            throw new IllegalStateException();
                        })
                        .build())
                .allowUnauthenticated().listener(new TokenHookMetrics(registry)).build()) {
            call(endpoint, "authorization_code", "a@example.com");
        }

        assertThat(registry.get("tokenhook.denials").tag("source", "failure-policy").counter().count()).isEqualTo(1);
        assertThat(registry.get("tokenhook.requests").tag("outcome", "denied").timer().count()).isEqualTo(1);
    }
}
