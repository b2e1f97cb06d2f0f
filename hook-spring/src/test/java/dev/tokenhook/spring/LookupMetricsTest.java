package dev.tokenhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.micrometer.ClaimLookupMetrics;
import dev.tokenhook.testkit.LookupMetricsContract;
import dev.tokenhook.testkit.MetricsEndpoint;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lookup-metrics contract on a Boot application with Actuator, hook-micrometer and hook-lookup on a real
 * server ({@code /actuator/metrics}). Runs on Boot 4 here and on Boot 3.5 in hook-spring-boot3-it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LookupMetricsTest extends LookupMetricsContract {

    private ConfigurableApplicationContext context;

    @Override
    protected Started start(boolean ownBinder) {
        List<Class<?>> sources = new ArrayList<>(List.of(TestHookApplication.class,
                ActuatorObservabilityTest.ActuatorAccess.class, PatientLookupApp.class));
        if (ownBinder) {
            sources.add(OwnLookupMetrics.class);
        }
        context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).properties(Map.of(
                        "server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off",
                        "management.endpoints.web.exposure.include", "metrics",
                        // Micrometer reports a double registration at WARN once per JVM, then at DEBUG.
                        "logging.level.io.micrometer", "DEBUG",
                        "tokenhook.auth.header.secrets", SECRET))
                .run();
        URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        return new Started(base.resolve("/okta/token-hook"), new MetricsEndpoint(base.resolve("/actuator/metrics/")));
    }

    @Override
    protected void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void micrometerNeverSeesTheLookupRegisteredTwice(CapturedOutput output) throws Exception {
        assertThat(signIn(start(true), PATIENT)).contains(PATIENT_ID);
        assertThat(output.getAll()).contains("Started").doesNotContain("already registered");
    }

    /** What an application declares: a lookup bean and the rule reading through it; nothing about metrics. */
    @Configuration(proxyBeanMethods = false)
    static class PatientLookupApp {

        @Bean(destroyMethod = "close")
        ClaimLookup<String, String> patientLookup() {
            return ClaimLookup.<String, String>builder(LOOKUP,
                    login -> Optional.ofNullable(Map.of(PATIENT, PATIENT_ID).get(login))).build();
        }

        @Bean
        ClaimRule patientId(ClaimLookup<String, String> patientLookup) {
            return ClaimRule.named("patient-id", (request, patch) -> request.userLogin().flatMap(patientLookup)
                    .ifPresent(id -> patch.idToken().add("extPatientId", id)));
        }
    }

    /** An application that binds its lookup itself, as it had to before the adapters did. */
    @Configuration(proxyBeanMethods = false)
    static class OwnLookupMetrics {

        @Bean
        MeterBinder patientLookupMetrics(ClaimLookup<String, String> patientLookup) {
            return new ClaimLookupMetrics(patientLookup);
        }
    }
}
