package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.http.HookEvent;
import dev.tokenhook.core.http.HookHttpRequest;
import dev.tokenhook.core.http.HookHttpResponse;
import dev.tokenhook.core.http.TokenHookConfig;
import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.core.rule.RuleNote;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A stalled database (H2 in exclusive mode: every other connection waits) must not stall the hook, nor cost a
 * patient seen before the claim: with the shipped {@link PatientLookup}, each call answers within the budget, a
 * known patient's ID token still gets {@code extPatientId} (the last known id, served at once although it is past
 * its freshness), a patient never seen before gets none ("unknown", reported as such), and both are current
 * again once the stall ends, without a restart.
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
    void knownPatientsKeepTheirClaimDuringTheStallAndEveryCallAnswersInTime() throws Exception {
        String url = TestDatabases.freshH2Url();
        Map<String, String> properties = Map.of(
                "tokenhook.auth.header.secrets", SECRET,
                "tokenhook.time-budget", BUDGET.toMillis() + "ms",
                // Every cached answer is past its freshness at once, so the stall is met by refreshes, not hits.
                "tokenhook.lookups.patients.fresh-for", "1ms",
                "tokenhook.lookups.patients.not-found-fresh-for", "1ms",
                "tokenhook.lookups.patients.wait-limit", "200ms");
        TokenHookConfig config = TokenHookConfig.fromProperties(properties::get);
        ExecutorService okta = Executors.newFixedThreadPool(8);
        List<HookEvent> events = new CopyOnWriteArrayList<>();
        try (PooledPatientStore store = PatientStores.pooled(url, "sa", "");
                PatientLookup lookup = PatientLookup.of(store.store(), properties::get);
                TokenHookEndpoint endpoint = config.endpointBuilder(List.of(new PatientIdRule(lookup)), List.of())
                        .listener(events::add).build()) {
            PatientSchema.createAndSeed(store.dataSource());
            assertThat(call(endpoint, "isaac.brock@example.com").bodyText()).contains("extPatientId");

            try (Connection blocker = DriverManager.getConnection(url, "sa", "");
                    Statement exclusive = blocker.createStatement()) {
                exclusive.execute("SET EXCLUSIVE 1");
                events.clear();

                List<Future<Long>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String login = i % 4 == 0 ? "jane.roe@example.com" : "Isaac.Brock@example.com";
                    calls.add(okta.submit(() -> {
                        long start = System.nanoTime();
                        HookHttpResponse response = call(endpoint, login);
                        assertThat(response.status()).isEqualTo(200);
                        if (login.startsWith("Isaac")) {
                            assertThat(response.bodyText()).as("the known patient").contains("\"1234\"");
                        } else {
                            assertThat(response.bodyText()).as("never seen, database stalled").isEqualTo("{}");
                        }
                        return (System.nanoTime() - start) / 1_000_000;
                    }));
                }
                for (Future<Long> millis : calls) {
                    assertThat(millis.get()).isLessThan(BUDGET.toMillis() + 1_000);
                }
                exclusive.execute("SET EXCLUSIVE 0");
            }
            assertThat(events).flatMap(HookEvent::notes).extracting(RuleNote::answer)
                    .contains(RuleNote.Answer.UNKNOWN).doesNotContain(RuleNote.Answer.NOT_FOUND);

            assertThat(eventually(endpoint, "jane.roe@example.com", "\"5678\""))
                    .as("the hook recovers once the database does").isTrue();
            store.store().patientIdFor("isaac.brock@example.com"); // the pool answers again
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement update = connection.createStatement()) {
                update.executeUpdate("UPDATE patients SET patient_id = '4321' WHERE login_key = 'isaac.brock@example.com'");
            }
            assertThat(eventually(endpoint, "isaac.brock@example.com", "\"4321\""))
                    .as("a change shows once the cached id is past its freshness").isTrue();
        } finally {
            okta.shutdownNow();
        }
    }

    /** Polls for at most 10 s: the pool's stuck connections come back once their statements finish. */
    private static boolean eventually(TokenHookEndpoint endpoint, String login, String expected)
            throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (call(endpoint, login).bodyText().contains(expected)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
