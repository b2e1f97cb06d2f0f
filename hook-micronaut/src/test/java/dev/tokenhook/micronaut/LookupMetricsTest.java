package dev.tokenhook.micronaut;

import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.micrometer.ClaimLookupMetrics;
import dev.tokenhook.testkit.LookupMetricsContract;
import dev.tokenhook.testkit.MetricsEndpoint;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lookup-metrics contract on a Micronaut application with micronaut-micrometer, hook-micrometer and
 * hook-lookup on the real Netty server ({@code /metrics}); the lookup is declared as applications do, in a
 * {@code @Factory}.
 */
class LookupMetricsTest extends LookupMetricsContract {

    static final String ENABLE = "lookup-metrics-test.enabled";
    static final String OWN_BINDER = "lookup-metrics-test.own-binder";

    private EmbeddedServer server;

    @Override
    protected Started start(boolean ownBinder) {
        Map<String, Object> props = new HashMap<>();
        props.put(ENABLE, true);
        props.put(OWN_BINDER, ownBinder);
        props.put("endpoints.metrics.enabled", true);
        props.put("tokenhook.auth.header.secrets", SECRET);
        server = MicronautServers.start(props, List.of(), new SimpleMeterRegistry());
        return new Started(MicronautServers.uri(server, "/okta/token-hook"),
                new MetricsEndpoint(MicronautServers.uri(server, "/metrics/")));
    }

    @Override
    protected void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    /** What an application declares: a lookup bean and the rule reading through it; nothing about metrics. */
    @Factory
    @Requires(property = ENABLE)
    static class PatientLookupBeans {

        @Singleton
        @Bean(preDestroy = "close")
        ClaimLookup<String, String> patientLookup() {
            return ClaimLookup.<String, String>builder(LOOKUP,
                    login -> Optional.ofNullable(Map.of(PATIENT, PATIENT_ID).get(login))).build();
        }

        @Singleton
        ClaimRule patientId(ClaimLookup<String, String> patientLookup) {
            return ClaimRule.named("patient-id", (request, patch) -> request.userLogin().flatMap(patientLookup)
                    .ifPresent(id -> patch.idToken().add("extPatientId", id)));
        }

        /** An application binding its lookup itself, as it had to before the adapters did. */
        @Singleton
        @Requires(property = OWN_BINDER, value = "true")
        MeterBinder patientLookupMetrics(ClaimLookup<String, String> patientLookup) {
            return new ClaimLookupMetrics(patientLookup);
        }
    }
}
