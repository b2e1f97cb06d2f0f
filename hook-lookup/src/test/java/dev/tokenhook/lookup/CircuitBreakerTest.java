package dev.tokenhook.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.rule.RuleNote.Answer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After repeated failures the source is left alone for the cool-off; then trial calls close the circuit again. */
class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock();
    private volatile boolean failing;
    private final WatchedSource<String, String> source = new WatchedSource<>(key -> {
        if (failing) {
            throw new IOException("connection refused");
        }
        return Optional.of("id-" + key);
    });

    @Test
    void opensAfterRepeatedFailuresAnswersFromTheCacheAtOnceAndClosesAfterTheCoolOff() {
        try (ClaimLookup<String, String> lookup = ClaimLookup.builder("patients", source)
                .settings(LookupSettings.builder().freshFor(Duration.ofSeconds(10)).notFoundFreshFor(Duration.ofSeconds(10)).circuitMinimumCalls(4)
                        .circuitFailureRate(50).circuitOpenFor(Duration.ofSeconds(30)).build())
                .clock(clock).build()) {
            assertThat(lookup.apply("known")).contains("id-known");
            failing = true;
            for (int i = 0; i < 3; i++) { // with the first call: 3 failed of 4
                assertThat(lookup.lookup("new-" + i).outcome()).isEqualTo(LookupOutcome.SOURCE_FAILED);
            }
            assertThat(lookup.stats().circuit()).isEqualTo(LookupStats.CircuitState.OPEN);
            int callsWhenOpened = source.calls();

            assertThat(lookup.lookup("new-9")).isEqualTo(new LookupResult<>(Answer.UNKNOWN, Optional.empty(),
                    LookupOutcome.CIRCUIT_OPEN));
            clock.advance(Duration.ofSeconds(15)); // past freshness, inside the cool-off
            assertThat(lookup.lookup("known")).isEqualTo(new LookupResult<>(Answer.STALE, Optional.of("id-known"),
                    LookupOutcome.STALE_SERVED));
            assertThat(source.calls()).as("the open circuit keeps the source uncalled").isEqualTo(callsWhenOpened);

            failing = false;
            clock.advance(Duration.ofSeconds(14));
            assertThat(lookup.lookup("new-9").outcome()).isEqualTo(LookupOutcome.CIRCUIT_OPEN);
            clock.advance(Duration.ofSeconds(2));
            assertThat(lookup.lookup("new-9")).as("a trial call after the cool-off")
                    .isEqualTo(new LookupResult<>(Answer.FOUND, Optional.of("id-new-9"), LookupOutcome.MISS));
            assertThat(lookup.stats().circuit()).isEqualTo(LookupStats.CircuitState.HALF_OPEN);
            assertThat(lookup.apply("new-8")).contains("id-new-8");
            assertThat(lookup.stats().circuit()).isEqualTo(LookupStats.CircuitState.CLOSED);
            Eventually.await("known refreshed", () -> lookup.lookup("known").outcome() == LookupOutcome.HIT);
        }
    }
}
