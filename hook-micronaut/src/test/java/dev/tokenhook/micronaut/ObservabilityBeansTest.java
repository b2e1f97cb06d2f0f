package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.http.HookHealth;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.micrometer.TokenHookMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the metrics, health and OAuth 2.0 pieces appear, back off or refuse to start. No server needed. */
class ObservabilityBeansTest {

    private static final String SECRET = "Basic b2JzZXJ2YWJpbGl0eTpiZWFucw==";

    private static ApplicationContext run(Map<String, Object> extra, Object... singletons) {
        Map<String, Object> props = new HashMap<>(extra);
        props.putIfAbsent("tokenhook.auth.header.secrets", SECRET);
        return ApplicationContext.builder().deduceEnvironment(false).properties(props).singletons(singletons).start();
    }

    private static void answeredCall(TokenHookEndpoint endpoint) {
        endpoint.handle(HookHttpRequest.of("POST", Map.of("Authorization", List.of(SECRET),
                "Content-Type", List.of("application/json")), "{\"eventId\":\"e\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void metricsAndHealthAreWiredWhenMicrometerAndManagementArePresent() {
        try (ApplicationContext context = run(Map.of("tokenhook.health.window", "20"))) {
            assertThat(context.containsBean(TokenHookMetrics.class)).isTrue();
            assertThat(context.containsBean(TokenHookHealthIndicator.class)).isTrue();
            answeredCall(context.getBean(TokenHookEndpoint.class));

            assertThat(context.getBean(HookHealth.class).snapshot().calls()).as("the endpoint feeds it").isEqualTo(1);
            assertThat(context.getBean(MeterRegistry.class).find("tokenhook.requests").tag("outcome", "no-change")
                    .timer()).isNotNull();
        }
    }

    @Test
    void eachPieceCanBeSwitchedOff() {
        try (ApplicationContext context = run(Map.of("micronaut.metrics.enabled", false,
                "tokenhook.health.enabled", "FALSE"))) {
            assertThat(context.containsBean(TokenHookEndpoint.class)).isTrue();
            assertThat(context.containsBean(TokenHookMetrics.class)).isFalse();
            assertThat(context.containsBean(HookHealth.class)).isFalse();
            assertThat(context.containsBean(TokenHookHealthIndicator.class)).isFalse();
        }
    }

    @Test
    void anApplicationsOwnTrackerReplacesTheFactorys() {
        HookHealth own = new HookHealth(3, 1.0, 1);
        try (ApplicationContext context = run(Map.of(), own)) {
            assertThat(context.getBeansOfType(HookHealth.class)).containsExactly(own);
            answeredCall(context.getBean(TokenHookEndpoint.class));
            assertThat(own.snapshot().calls()).isEqualTo(1);
        }
    }

    @Test
    void anInvalidHealthSettingFailsStartupNamingIt() {
        assertThatThrownBy(() -> run(Map.of("tokenhook.health.failure-threshold", "half")).close())
                .hasMessageContaining("tokenhook.health.failure-threshold");
    }
}
