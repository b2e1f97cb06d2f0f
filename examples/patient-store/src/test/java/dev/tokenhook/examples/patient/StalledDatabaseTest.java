package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A stalled database (H2 in exclusive mode: every other connection waits) must not stall the hook: each
 * call still answers within the budget with the fallback, and the patient claim comes back once the
 * stall ends, so the pool was not exhausted for good.
 */
class StalledDatabaseTest {

    private static final String SECRET = "Basic c3RhbGw6dGVzdA==";
    private static final Duration BUDGET = Duration.ofMillis(500);

    private static String signIn(String login) {
        return """
                {"eventId":"evt-stall","data":{"context":{"user":{"id":"00u1","profile":{"login":"%s"}}},
                 "identity":{"claims":{"sub":"00u1"}},"access":{"claims":{"sub":"%s"}}}}
                """.formatted(login, login);
    }

    private static HookHttpResponse call(TokenHookEndpoint endpoint, String login) {
        return endpoint.handle(HookHttpRequest.of("POST",
                Map.of("Authorization", List.of(SECRET), "Content-Type", List.of("application/json")),
                signIn(login).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hookAnswersInTimeDuringTheStallAndRecoversAfterIt() throws Exception {
        String url = TestDatabases.freshH2Url();
        TokenHookConfig config = TokenHookConfig.fromProperties(Map.of(
                "tokenhook.auth.header.secrets", SECRET,
                "tokenhook.time-budget", BUDGET.toMillis() + "ms")::get);
        ExecutorService okta = Executors.newFixedThreadPool(8);
        try (PooledPatientStore store = PatientStores.pooled(url, "sa", "");
                TokenHookEndpoint endpoint = config.endpoint(List.of(new PatientIdRule(store.store())))) {
            PatientSchema.createAndSeed(store.dataSource());
            assertThat(call(endpoint, "isaac.brock@example.com").bodyText()).contains("extPatientId");

            try (Connection blocker = DriverManager.getConnection(url, "sa", "");
                    Statement exclusive = blocker.createStatement()) {
                exclusive.execute("SET EXCLUSIVE 1");

                List<Future<Long>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(okta.submit(() -> {
                        long start = System.nanoTime();
                        HookHttpResponse response = call(endpoint, "isaac.brock@example.com");
                        assertThat(response.status()).isEqualTo(200);
                        assertThat(response.bodyText()).isEqualTo("{}");
                        return (System.nanoTime() - start) / 1_000_000;
                    }));
                }
                for (Future<Long> millis : calls) {
                    assertThat(millis.get()).isLessThan(BUDGET.toMillis() + 1_000);
                }
                exclusive.execute("SET EXCLUSIVE 0");
            }

            assertThat(eventuallyPatient(endpoint)).as("the hook recovers once the database does").isTrue();
        } finally {
            okta.shutdownNow();
        }
    }

    /** Polls for at most 10 s: the pool's stuck connections come back once their statements finish. */
    private static boolean eventuallyPatient(TokenHookEndpoint endpoint) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (call(endpoint, "isaac.brock@example.com").bodyText().contains("extPatientId")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
