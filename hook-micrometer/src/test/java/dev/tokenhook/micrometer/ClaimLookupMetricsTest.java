package dev.tokenhook.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.rule.TokenHook;
import dev.tokenhook.lookup.ClaimLookup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Lookup outcomes noted by rules become {@code tokenhook.lookups}; the lookup's own statistics its own meters. */
class ClaimLookupMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private volatile boolean failing;

    private static HookHttpRequest signIn(String login) {
        String body = """
                {"eventId":"e","data":{"context":{"user":{"profile":{"login":"%s"}}},"identity":{"claims":{"sub":"00u"}}}}
                """.formatted(login);
        return HookHttpRequest.of("POST", Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lookupOutcomesAndCacheStatisticsBecomeLowCardinalityMeters() {
        try (ClaimLookup<String, String> patients = ClaimLookup.<String, String>builder("patients", login -> {
                    if (failing) {
                        throw new IOException("down");
                    }
                    return login.startsWith("ann") ? Optional.of("1234") : Optional.empty();
                }).settings(LookupSettings.builder().circuitMinimumCalls(100).build()).build();
                TokenHookEndpoint endpoint = TokenHookEndpoint.builder(TokenHook.builder()
                                .rule("patient-id", (request, patch) -> request.userLogin().flatMap(patients)
                                        .ifPresent(id -> patch.idToken().add("extPatientId", id)))
                                .build())
                        .allowUnauthenticated()
                        .listener(new TokenHookMetrics(registry))
                        .build()) {
            new ClaimLookupMetrics(patients).bindTo(registry);
            endpoint.handle(signIn("ann@example.com"));
            endpoint.handle(signIn("ann@example.com"));
            endpoint.handle(signIn("bob@example.com"));
            failing = true;
            endpoint.handle(signIn("cyd@example.com"));

            assertThat(count("miss", "found")).isEqualTo(1);
            assertThat(count("hit", "found")).isEqualTo(1);
            assertThat(count("miss", "not-found")).isEqualTo(1);
            assertThat(count("source-failed", "unknown")).isEqualTo(1);
            assertThat(registry.get("tokenhook.lookup.cache.requests").tags("lookup", "patients", "result", "hit")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("tokenhook.lookup.cache.requests").tags("result", "miss").functionCounter().count())
                    .isEqualTo(3);
            assertThat(registry.get("tokenhook.lookup.source.calls").functionCounter().count()).isEqualTo(3);
            long deadline = System.nanoTime() + 20_000_000_000L; // the failed load leaves the cache in the background
            while (registry.get("tokenhook.lookup.cache.size").gauge().value() != 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(registry.get("tokenhook.lookup.cache.size").gauge().value()).isEqualTo(2);
            assertThat(registry.get("tokenhook.lookup.circuit.state").tag("state", "closed").gauge().value()).isEqualTo(1);
            assertThat(registry.get("tokenhook.lookup.circuit.state").tag("state", "open").gauge().value()).isZero();
        }
    }

    /** The adapters bind every lookup bean and an application may bind it too: its meters are registered once. */
    @Test
    void bindingALookupTwiceRegistersItsMetersOnceWithoutMicrometersWarning() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger micrometer = Logger.getLogger("io.micrometer");
        Level level = micrometer.getLevel();
        micrometer.setLevel(Level.ALL); // after its first warning, Micrometer reports double registrations at debug
        micrometer.addHandler(handler);
        try (ClaimLookup<String, String> patients = ClaimLookup.<String, String>builder("patients",
                login -> Optional.of("1234")).build()) {
            new ClaimLookupMetrics(patients).bindTo(registry);
            int meters = registry.getMeters().size();
            new ClaimLookupMetrics(patients).bindTo(registry);

            assertThat(registry.getMeters()).hasSize(meters);
            assertThat(registry.find("tokenhook.lookup.cache.size").gauges()).hasSize(1);
            assertThat(warnings).noneMatch(warning -> warning.contains("already registered"));
        } finally {
            micrometer.removeHandler(handler);
            micrometer.setLevel(level);
        }
    }

    /** A source call that does not return is what this gauge is for: it shows it held, then ended. */
    @Test
    void sourceCallsRunningNowAreAGauge() {
        CountDownLatch release = new CountDownLatch(1);
        try (ClaimLookup<String, String> patients = ClaimLookup.<String, String>builder("patients", login -> {
                    release.await(20, TimeUnit.SECONDS);
                    return Optional.of("1234");
                }).settings(LookupSettings.builder().waitLimit(Duration.ofMillis(50)).build()).build()) {
            new ClaimLookupMetrics(patients).bindTo(registry);

            assertThat(patients.apply("ann@example.com")).as("unknown: the call is held past the wait limit").isEmpty();
            assertThat(runningOnceSettled(1)).isEqualTo(1);
            release.countDown();
            assertThat(runningOnceSettled(0)).isZero();
        } finally {
            release.countDown();
        }
    }

    /** A source call that answers interrupts, still running at interrupt-after: interrupted, counted, ended. */
    @Test
    void sourceCallsInterruptedAreCounted() {
        CountDownLatch never = new CountDownLatch(1);
        try (ClaimLookup<String, String> patients = ClaimLookup.<String, String>builder("patients", login -> {
                    never.await();
                    return Optional.of("1234");
                }).settings(LookupSettings.builder().waitLimit(Duration.ofMillis(50))
                        .interruptAfter(Duration.ofMillis(100)).build()).build()) {
            new ClaimLookupMetrics(patients).bindTo(registry);

            assertThat(patients.apply("ann@example.com")).isEmpty();
            assertThat(onceSettled(this::interrupted, 1)).isEqualTo(1);
            assertThat(runningOnceSettled(0)).isZero();
        }
    }

    /** @return the gauge once it shows {@code expected}, or after 20 s what it shows then */
    private double runningOnceSettled(double expected) {
        return onceSettled(this::running, expected);
    }

    /** @return the meter's value once it is {@code expected}, or after 20 s what it is then */
    private static double onceSettled(DoubleSupplier meter, double expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (meter.getAsDouble() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return meter.getAsDouble();
    }

    private double interrupted() {
        return registry.get("tokenhook.lookup.source.interrupted").tag("lookup", "patients").functionCounter().count();
    }

    private double running() {
        return registry.get("tokenhook.lookup.source.running").tag("lookup", "patients").gauge().value();
    }

    private double count(String outcome, String answer) {
        return registry.get("tokenhook.lookups").tags("lookup", "patients", "outcome", outcome, "answer", answer)
                .counter().count();
    }
}
