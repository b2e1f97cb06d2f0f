package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Metrics and health through Spring Boot Actuator on a real server: applied, failed, timed-out and denied
 * calls move {@code /actuator/metrics/tokenhook.*}, and a failure ratio past the threshold turns
 * {@code components.tokenHook} in {@code /actuator/health} DOWN, then UP again as good calls push the
 * failures out of the window. Runs on Spring Boot 4 here and on Spring Boot 3.5 in hook-spring-boot3-it
 * (there with hook-spring-boot3, which a Boot 3.5 application adds for the health indicator).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorObservabilityTest {

    private static final String SECRET = "Basic b2JzZXJ2YWJpbGl0eTp0ZXN0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConfigurableApplicationContext context;
    private URI base;
    private OktaHookCaller okta;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("tokenhook.auth.header.secrets", SECRET);
        properties.put("tokenhook.time-budget", "400ms");
        properties.put("tokenhook.health.window", "10");
        properties.put("tokenhook.health.min-calls", "10");
        properties.put("tokenhook.health.failure-threshold", "0.5");
        properties.put("management.endpoints.web.exposure.include", "health,metrics");
        properties.put("management.endpoint.health.show-components", "always");
        properties.put("management.endpoint.health.show-details", "always");
        context = new SpringApplicationBuilder(TestHookApplication.class, ObservedApplication.class)
                .properties(properties)
                .run();
        base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        okta = new OktaHookCaller(base.resolve("/okta/token-hook"), "Authorization", SECRET);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void appliedFailedTimedOutAndDeniedCallsMoveTheMeters() throws Exception {
        double patched = count("tokenhook.requests?tag=outcome:patched");
        double denied = count("tokenhook.requests?tag=outcome:denied");
        double failures = count("tokenhook.rule.failures?tag=rule:explode&tag=exception:IllegalStateException");
        double timeouts = count("tokenhook.rule.timeouts?tag=rule:stall&tag=status:timed-out");
        double denials = count("tokenhook.denials?tag=source:rule");
        double unauthenticated = count("tokenhook.requests?tag=outcome:unauthenticated&tag=status:401");

        assertThat(call("applied-1").bodyText()).contains("/claims/stamp");
        assertThat(call("applied-2").status()).isEqualTo(200);
        assertThat(call("applied-3").status()).isEqualTo(200);
        assertThat(call("failed-1").bodyText()).isEqualTo("{}");
        assertThat(call("failed-2").status()).isEqualTo(200);
        assertThat(call("slow-1").bodyText()).isEqualTo("{}");
        assertThat(call("denied-1").bodyText()).contains("errorSummary");
        assertThat(call("denied-2").status()).isEqualTo(200);
        assertThat(new OktaHookCaller(okta.hookUri(), Map.of()).call(body("applied-x")).status()).isEqualTo(401);

        assertThat(count("tokenhook.requests?tag=outcome:patched")).isEqualTo(patched + 3);
        assertThat(count("tokenhook.requests?tag=outcome:denied")).isEqualTo(denied + 2);
        assertThat(count("tokenhook.rule.failures?tag=rule:explode&tag=exception:IllegalStateException"))
                .isEqualTo(failures + 2);
        assertThat(count("tokenhook.rule.timeouts?tag=rule:stall&tag=status:timed-out")).isEqualTo(timeouts + 1);
        assertThat(count("tokenhook.denials?tag=source:rule")).isEqualTo(denials + 2);
        assertThat(count("tokenhook.requests?tag=outcome:unauthenticated&tag=status:401"))
                .isEqualTo(unauthenticated + 1);
        assertThat(get("/actuator/metrics/tokenhook.requests").path("baseUnit").asText()).isEqualTo("seconds");
    }

    @Test
    void healthGoesDownPastTheFailureThresholdAndRecovers() throws Exception {
        for (int i = 0; i < 10; i++) {
            call("failed-health-" + i);
        }
        HttpResponse<String> down = send("/actuator/health");
        JsonNode downBody = JSON.readTree(down.body());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(downBody.path("status").asText()).isEqualTo("DOWN");
        JsonNode hook = downBody.path("components").path("tokenHook");
        assertThat(hook.path("status").asText()).isEqualTo("DOWN");
        assertThat(hook.path("details").path("calls").asInt()).isEqualTo(10);
        assertThat(hook.path("details").path("failedCalls").asInt()).isEqualTo(10);
        assertThat(hook.path("details").path("failureRatio").asDouble()).isEqualTo(1.0);
        assertThat(hook.path("details").path("threshold").asDouble()).isEqualTo(0.5);

        for (int i = 0; i < 10; i++) {
            call("applied-health-" + i);
        }
        HttpResponse<String> up = send("/actuator/health");
        JsonNode upBody = JSON.readTree(up.body());
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(upBody.path("status").asText()).isEqualTo("UP");
        assertThat(upBody.path("components").path("tokenHook").path("status").asText()).isEqualTo("UP");
        assertThat(upBody.path("components").path("tokenHook").path("details").path("failedCalls").asInt())
                .isZero();
    }

    private HookCall call(String eventId) {
        return okta.call(body(eventId));
    }

    private static byte[] body(String eventId) {
        return ("{\"eventId\":\"" + eventId + "\",\"data\":{\"access\":{\"claims\":{\"sub\":\"svc\"},"
                + "\"token\":{\"lifetime\":{\"expiration\":3600}}}}}").getBytes(StandardCharsets.UTF_8);
    }

    /** @return the COUNT statistic of the meter, 0 while it does not exist yet */
    private double count(String meterAndTags) throws Exception {
        HttpResponse<String> response = send("/actuator/metrics/" + meterAndTags);
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).as(meterAndTags).isEqualTo(200);
        for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
            if (measurement.path("statistic").asText().equals("COUNT")) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + response.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Rules that apply, throw, stall past the budget or deny, picked by the eventId's prefix. */
    @Configuration(proxyBeanMethods = false)
    static class ObservedApplication {

        @Bean
        ClaimRule stamp() {
            return ClaimRule.named("stamp", (request, patch) -> {
                if (request.eventId().startsWith("applied") && request.mints(TokenType.ACCESS_TOKEN)) {
                    patch.accessToken().add("stamp", "observed");
                }
            });
        }

        @Bean
        ClaimRule explode() {
            return ClaimRule.named("explode", (request, patch) -> {
                if (request.eventId().startsWith("failed")) {
                    throw new IllegalStateException("the test's failing rule");
                }
            });
        }

        @Bean
        ClaimRule stall() {
            return ClaimRule.named("stall", (request, patch) -> {
                if (request.eventId().startsWith("slow")) {
                    Thread.sleep(5_000);
                }
            });
        }

        @Bean
        ClaimRule gate() {
            return ClaimRule.named("gate", (request, patch) -> {
                if (request.eventId().startsWith("denied")) {
                    patch.deny("Not for this test");
                }
            });
        }

        /** Lets the test read Actuator; Spring Security's default chain would ask for a password. */
        @Bean
        SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/actuator/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
    }
}
