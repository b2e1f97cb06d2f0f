package dev.tokenhook.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.rule.RuleNote.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A real database frozen (a held lock), killed, slower than the wait limit, then recovered, under concurrent
 * lookups: keys seen before keep their answers, every lookup ends well inside the time budget, the source never
 * sees more calls at once than the limit, the circuit opens and closes, and unknown is reported as unknown.
 * Freshness and the circuit's cool-off follow a clock moved by hand; only the wait limit is real time.
 */
abstract class SourceOutageScenario {

    private static final int LIMIT = 2;
    private static final Duration WAIT_LIMIT = Duration.ofMillis(300);
    /** Far above the wait limit, far below Okta's 3 s: a lookup must never come near it. */
    private static final Duration BUDGET = Duration.ofMillis(2000);
    private static final List<String> KNOWN = List.of("ann", "bob", "cyd", "dee", "eve");

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger newKeys = new AtomicInteger();

    /** @return where the lookup reads; connections made per call */
    abstract DataSource dataSource();

    /** Holds a lock that stalls every query of the table until the returned handle is closed. */
    abstract AutoCloseable freeze() throws Exception;

    /** Stops the database server: connections fail. */
    abstract void kill() throws Exception;

    /** Starts it again, with its data. */
    abstract void revive() throws Exception;

    @Test
    void knownKeysKeepTheirAnswersThroughFreezeKillAndSlownessAndServiceRecoversWithoutRestart() throws Exception {
        PatientTable table = new PatientTable(dataSource());
        table.create();
        for (String login : KNOWN) {
            table.put(login, "id-" + login);
        }
        table.put("late", "id-late");
        WatchedSource<String, String> source = new WatchedSource<>(table);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (ClaimLookup<String, String> lookup = ClaimLookup.builder("patients", source)
                .settings(LookupSettings.builder().freshFor(Duration.ofMinutes(1)).notFoundFreshFor(Duration.ofMinutes(1))
                        .waitLimit(WAIT_LIMIT).maxConcurrentCalls(LIMIT).circuitMinimumCalls(4).circuitFailureRate(50)
                        .circuitOpenFor(Duration.ofSeconds(30)).build())
                .clock(clock).build()) {
            for (String login : KNOWN) {
                assertThat(lookup.apply(login)).contains("id-" + login);
            }
            assertThat(lookup.lookup("nobody").answer()).isEqualTo(Answer.NOT_FOUND);
            clock.advance(Duration.ofMinutes(2)); // every answer is past its freshness from here on

            // Frozen: answers from the cache at once, unknown for new keys, the circuit opens.
            AutoCloseable thaw = freeze();
            try {
                storm(lookup, callers);
                Eventually.await("the circuit to open", () -> lookup.stats().circuit() == LookupStats.CircuitState.OPEN);
                assertThat(timed(lookup, "ann")).isEqualTo(new LookupResult<>(Answer.STALE,
                        java.util.Optional.of("id-ann"), LookupOutcome.STALE_SERVED));
                assertThat(timed(lookup, newKey()).outcome()).isEqualTo(LookupOutcome.CIRCUIT_OPEN);
            } finally {
                thaw.close();
            }
            assertThat(source.mostInFlight()).as("calls to the source at once").isLessThanOrEqualTo(LIMIT);
            recover(lookup, table);

            // Slower than the wait limit: the rule gets unknown in time, the late answer fills the cache.
            thaw = freeze();
            try {
                LookupResult<String> late = timed(lookup, "late");
                assertThat(late).isEqualTo(new LookupResult<>(Answer.UNKNOWN, java.util.Optional.empty(),
                        LookupOutcome.TIMED_OUT));
            } finally {
                thaw.close();
            }
            Eventually.await("the late answer in the cache", () -> lookup.lookup("late").outcome() == LookupOutcome.HIT);
            assertThat(lookup.apply("late")).contains("id-late");

            // Killed: known keys still answered, new keys unknown, the circuit opens; then it comes back.
            clock.advance(Duration.ofMinutes(2));
            kill();
            try {
                storm(lookup, callers);
                Eventually.await("the circuit to open", () -> {
                    timed(lookup, newKey());
                    return lookup.stats().circuit() == LookupStats.CircuitState.OPEN;
                });
            } finally {
                revive();
            }
            recover(lookup, table);
            assertThat(source.mostInFlight()).as("calls to the source at once").isLessThanOrEqualTo(LIMIT);
            assertThat(lookup.stats().count(LookupOutcome.STALE_SERVED)).isPositive();
        } finally {
            callers.shutdownNow();
        }
    }

    /** Many concurrent lookups of known and new keys while the source is down. */
    private void storm(ClaimLookup<String, String> lookup, ExecutorService callers) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(callers.submit(() -> {
                for (int i = 0; i < 12; i++) {
                    String login = KNOWN.get(i % KNOWN.size());
                    LookupResult<String> known = timed(lookup, login);
                    assertThat(known.value()).as("a known key keeps its answer").contains("id-" + login);
                    assertThat(known.outcome()).isIn(LookupOutcome.REFRESHED, LookupOutcome.STALE_SERVED);
                    LookupResult<String> unseen = timed(lookup, newKey());
                    assertThat(unseen.answer()).as("never 'not found' while the source is down").isEqualTo(Answer.UNKNOWN);
                }
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * After the cool-off, trial calls close the circuit (trials that still fail open it for another cool-off);
     * then a change made in the database shows once the cached answer is past its freshness.
     */
    private void recover(ClaimLookup<String, String> lookup, PatientTable table) throws Exception {
        Eventually.await("the circuit to close", () -> {
            if (lookup.stats().circuit() == LookupStats.CircuitState.OPEN) {
                clock.advance(Duration.ofSeconds(31));
            }
            LookupResult<String> result = lookup.lookup(newKey());
            return result.answer() == Answer.NOT_FOUND && lookup.stats().circuit() == LookupStats.CircuitState.CLOSED;
        });
        String changed = "id-ann-" + newKeys.incrementAndGet();
        table.put("ann", changed);
        clock.advance(Duration.ofMinutes(2));
        Eventually.await("the change to show", () -> lookup.apply("ann").orElseThrow().equals(changed));
        table.put("ann", "id-ann");
        lookup.invalidate("ann");
        assertThat(lookup.apply("ann")).contains("id-ann");
    }

    private static LookupResult<String> timed(ClaimLookup<String, String> lookup, String login) {
        long start = System.nanoTime();
        LookupResult<String> result = lookup.lookup(login);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one lookup").isLessThan(BUDGET);
        return result;
    }

    private String newKey() {
        return "new-" + newKeys.incrementAndGet();
    }
}
