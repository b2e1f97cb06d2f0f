package dev.tokenhook.spring;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Boot application with Actuator, hook-micrometer and hook-lookup, on a real server: its {@link ClaimLookup}
 * bean's meters are on {@code /actuator/metrics} without a line of its own, and bound once when it binds the
 * lookup itself too. Runs on Boot 4 here and on Boot 3.5 in hook-spring-boot3-it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LookupMetricsTest {

    private static final String SECRET = "Basic bG9va3VwOm1ldHJpY3M=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurableApplicationContext context;
    private URI base;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyLookupBeansMetersAreOnActuatorWithoutCodeOfTheApplication() throws Exception {
        start(PatientLookupApp.class);

        assertThat(signIn("ann@example.com")).contains("\"/claims/extPatientId\",\"value\":\"1234\"");
        assertThat(signIn("ann@example.com")).contains("1234");
        assertThat(signIn("bob@example.com")).doesNotContain("extPatientId");

        assertThat(value("tokenhook.lookup.source.calls?tag=lookup:patients")).isEqualTo(2);
        assertThat(value("tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:hit")).isEqualTo(1);
        assertThat(value("tokenhook.lookup.cache.requests?tag=lookup:patients&tag=result:miss")).isEqualTo(2);
        assertThat(value("tokenhook.lookup.circuit.state?tag=lookup:patients&tag=state:closed")).isEqualTo(1);
        assertThat(value("tokenhook.lookups?tag=lookup:patients&tag=outcome:hit")).isEqualTo(1);
    }

    @Test
    void aLookupTheApplicationAlsoBindsItselfIsBoundOnce(CapturedOutput output) throws Exception {
        start(PatientLookupApp.class, OwnLookupMetrics.class);

        assertThat(signIn("ann@example.com")).contains("1234");
        assertThat(value("tokenhook.lookup.source.calls?tag=lookup:patients")).isEqualTo(1);
        assertThat(context.getBean(MeterRegistry.class).find("tokenhook.lookup.cache.size").gauges()).hasSize(1);
        assertThat(output.getAll()).doesNotContain("already registered");
    }

    private void start(Class<?>... configurations) {
        Class<?>[] sources = new Class<?>[configurations.length + 2];
        sources[0] = TestHookApplication.class;
        sources[1] = ActuatorObservabilityTest.ActuatorAccess.class;
        System.arraycopy(configurations, 0, sources, 2, configurations.length);
        context = new SpringApplicationBuilder(sources).properties(Map.of("server.port", "0",
                        "server.address", "127.0.0.1", "spring.main.banner-mode", "off",
                        "management.endpoints.web.exposure.include", "metrics",
                        // Micrometer reports a double registration at WARN once per JVM, then at DEBUG.
                        "logging.level.io.micrometer", "DEBUG",
                        "tokenhook.auth.header.secrets", SECRET))
                .run();
        base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private String signIn(String login) {
        String body = """
                {"eventId":"e","data":{"context":{"user":{"profile":{"login":"%s"}}},"identity":{"claims":{"sub":"00u1"}}}}
                """.formatted(login);
        HookCall call = new OktaHookCaller(base.resolve("/okta/token-hook"), "Authorization", SECRET)
                .call(body.getBytes(StandardCharsets.UTF_8));
        assertThat(call.status()).isEqualTo(200);
        return call.bodyText();
    }

    private double value(String meterAndTags) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/metrics/"
                + meterAndTags)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(meterAndTags + ": " + response.body()).isEqualTo(200);
        JsonNode measurements = JSON.readTree(response.body()).path("measurements");
        assertThat(measurements).as(response.body()).hasSize(1);
        return measurements.get(0).path("value").asDouble();
    }

    /** What an application declares: a lookup bean and the rule reading through it; nothing about metrics. */
    @Configuration(proxyBeanMethods = false)
    static class PatientLookupApp {

        @Bean(destroyMethod = "close")
        ClaimLookup<String, String> patientLookup() {
            Map<String, String> patients = Map.of("ann@example.com", "1234");
            return ClaimLookup.<String, String>builder("patients", login -> Optional.ofNullable(patients.get(login)))
                    .build();
        }

        @Bean
        ClaimRule patientId(ClaimLookup<String, String> patientLookup) {
            return ClaimRule.named("patient-id", (request, patch) -> request.userLogin().flatMap(patientLookup)
                    .ifPresent(id -> patch.idToken().add("extPatientId", id)));
        }
    }

    /** An application that binds its lookup itself, as hook-micrometer's README showed before the adapters did. */
    @Configuration(proxyBeanMethods = false)
    static class OwnLookupMetrics {

        @Bean
        MeterBinder patientLookupMetrics(ClaimLookup<String, String> patientLookup) {
            return new ClaimLookupMetrics(patientLookup);
        }
    }
}
