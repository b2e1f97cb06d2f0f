package dev.tokenhook.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.rule.RuleNote.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Single flight for one key, and the limit on calls to the source at once. */
class ConcurrencyTest {

    private static final int CALLERS = 32;

    private final CountDownLatch release = new CountDownLatch(1);
    private final WatchedSource<String, String> source = new WatchedSource<>(key -> {
        release.await(20, TimeUnit.SECONDS);
        return Optional.of("id-" + key);
    });
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void concurrentMissesOfOneKeyMakeOneSourceCall() throws Exception {
        try (ClaimLookup<String, String> lookup = ClaimLookup.builder("patients", source)
                .settings(LookupSettings.builder().waitLimit(Duration.ofMillis(2900)).build()).build()) {
            CountDownLatch started = new CountDownLatch(CALLERS);
            List<Future<LookupResult<String>>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(callers.submit(() -> {
                    started.countDown();
                    return lookup.lookup("ann");
                }));
            }
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
            Eventually.await("the one call to start", () -> source.calls() == 1);
            release.countDown();
            for (Future<LookupResult<String>> result : results) {
                LookupResult<String> answer = result.get(20, TimeUnit.SECONDS);
                assertThat(answer.value()).contains("id-ann");
            }
            assertThat(source.calls()).isOne();
        }
    }

    @Test
    void theSourceNeverSeesMoreCallsAtOnceThanTheLimit() throws Exception {
        int limit = 3;
        try (ClaimLookup<String, String> lookup = ClaimLookup.builder("patients", source)
                .settings(LookupSettings.builder().maxConcurrentCalls(limit).waitLimit(Duration.ofMillis(200))
                        .circuitMinimumCalls(1000).build())
                .build()) {
            List<Future<LookupResult<String>>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String key = "user-" + i;
                results.add(callers.submit(() -> lookup.lookup(key)));
            }
            for (Future<LookupResult<String>> result : results) {
                LookupResult<String> answer = result.get(20, TimeUnit.SECONDS);
                assertThat(answer.answer()).as("the source is held: every caller gives up at the wait limit")
                        .isEqualTo(Answer.UNKNOWN);
                assertThat(answer.outcome()).isEqualTo(LookupOutcome.TIMED_OUT);
            }
            assertThat(source.inFlight()).isEqualTo(limit);
            assertThat(lookup.stats().sourceCallsRunning()).as("what operators see of held calls").isEqualTo(limit);
            release.countDown();
            Eventually.await("the held calls to end", () -> source.inFlight() == 0);
            Eventually.await("the lookup to count them ended", () -> lookup.stats().sourceCallsRunning() == 0);
            assertThat(source.mostInFlight()).isEqualTo(limit);
            int lateAnswersCached = 0;
            for (int i = 0; i < CALLERS; i++) {
                LookupResult<String> answer = lookup.lookup("user-" + i);
                assertThat(answer.value()).contains("id-user-" + i);
                lateAnswersCached += answer.outcome() == LookupOutcome.HIT ? 1 : 0;
            }
            assertThat(lateAnswersCached).as("the calls that ran finished late and filled the cache; those that"
                    + " waited in the queue past the wait limit were dropped").isEqualTo(limit);
        }
    }
}
