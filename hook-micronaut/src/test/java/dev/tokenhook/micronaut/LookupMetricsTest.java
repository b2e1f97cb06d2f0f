package dev.tokenhook.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.micrometer.ClaimLookupMetrics;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Micronaut application with micronaut-micrometer, hook-micrometer and hook-lookup, on the real Netty server:
 * the meters of its {@link ClaimLookup} bean (declared as applications do, in a {@code @Factory}) are on
 * {@code /metrics} without a line of its own, and bound once when it binds the lookup itself too.
 */
class LookupMetricsTest {

    static final String ENABLE = "lookup-metrics-test.enabled";
    static final String OWN_BINDER = "lookup-metrics-test.own-binder";
    private static final String SECRET = "Basic bG9va3VwOm1ldHJpY3M=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void everyLookupBeansMetersAreOnTheMetricsEndpointWithoutCodeOfTheApplication() throws Exception {
        start(Map.of());

        assertThat(signIn("ann@example.com")).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
        assertThat(signIn("ann@example.com")).contains("1234");
        assertThat(signIn("bob@example.com")).doesNotContain("extPatientId");

        assertThat(value("tokenhook.lookup.source.calls?tag=lookup:patients")).isEqualTo(2);
        assertThat(value("tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:hit")).isEqualTo(1);
        assertThat(value("tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:miss")).isEqualTo(2);
        assertThat(value("tokenhook.lookup.circuit.state?tag=lookup:patients&tag=state:closed")).isEqualTo(1);
    }

    @Test
    void aLookupTheApplicationAlsoBindsItselfIsBoundOnce() throws Exception {
        start(Map.of(OWN_BINDER, true));

        assertThat(server.getApplicationContext().getBeansOfType(MeterBinder.class))
                .anyMatch(ClaimLookupMetrics.class::isInstance);
        assertThat(signIn("ann@example.com")).contains("1234");
        assertThat(value("tokenhook.lookup.source.calls?tag=lookup:patients")).isEqualTo(1);
        assertThat(server.getApplicationContext().getBean(MeterRegistry.class).find("tokenhook.lookup.cache.size")
                .gauges()).hasSize(1);
    }

    private void start(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(ENABLE, true);
        props.put("endpoints.metrics.enabled", true);
        props.put("tokenhook.auth.header.secrets", SECRET);
        server = MicronautServers.start(props, List.of(), new SimpleMeterRegistry());
    }

    private String signIn(String login) {
        String body = """
                {"eventId":"e","data":{"context":{"user":{"profile":{"login":"%s"}}},"identity":{"claims":{"sub":"00u1"}}}}
                """.formatted(login);
        HookCall call = new OktaHookCaller(MicronautServers.uri(server, "/okta/token-hook"), "Authorization", SECRET)
                .call(body.getBytes(StandardCharsets.UTF_8));
        assertThat(call.status()).isEqualTo(200);
        return call.bodyText();
    }

    private double value(String meterAndTags) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(MicronautServers.uri(server, "/metrics/"
                + meterAndTags)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(meterAndTags + ": " + response.body()).isEqualTo(200);
        JsonNode measurements = JSON.readTree(response.body()).path("measurements");
        assertThat(measurements).as(response.body()).hasSize(1);
        return measurements.get(0).path("value").asDouble();
    }

    /** What an application declares: a lookup bean and the rule reading through it; nothing about metrics. */
    @Factory
    @Requires(property = ENABLE)
    static class PatientLookupBeans {

        @Singleton
        @Bean(preDestroy = "close")
        ClaimLookup<String, String> patientLookup() {
            Map<String, String> patients = Map.of("ann@example.com", "1234");
            return ClaimLookup.<String, String>builder("patients", login -> Optional.ofNullable(patients.get(login)))
                    .build();
        }

        @Singleton
        ClaimRule patientId(ClaimLookup<String, String> patientLookup) {
            return ClaimRule.named("patient-id", (request, patch) -> request.userLogin().flatMap(patientLookup)
                    .ifPresent(id -> patch.idToken().add("extPatientId", id)));
        }

        /** An application binding its lookup itself, as it had to before the adapters did. */
        @Singleton
        @Requires(property = OWN_BINDER)
        MeterBinder patientLookupMetrics(ClaimLookup<String, String> patientLookup) {
            return new ClaimLookupMetrics(patientLookup);
        }
    }
}
