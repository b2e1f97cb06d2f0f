package dev.tokenhook.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.lookup.OnUnknown;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleNote;
import dev.tokenhook.core.rule.RuleNote.Answer;
import dev.tokenhook.core.rule.RuleStatus;
import dev.tokenhook.core.rule.TokenHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caching, freshness, refresh-ahead, stale-if-error and unknown, on a map source and a clock moved by hand. */
class ClaimLookupTest {

    private final ManualClock clock = new ManualClock();
    private final Map<String, String> rows = new ConcurrentHashMap<>(Map.of("ann", "1234"));
    private volatile boolean failing;
    private final WatchedSource<String, String> source = new WatchedSource<>(key -> {
        if (failing) {
            throw new IOException("database down");
        }
        return Optional.ofNullable(rows.get(key));
    });
    private ClaimLookup<String, String> lookup = lookup(LookupSettings.builder()
            .freshFor(Duration.ofMinutes(5)).notFoundFreshFor(Duration.ofMinutes(1)).staleFor(Duration.ofHours(1))
            .circuitMinimumCalls(100).build());

    private ClaimLookup<String, String> lookup(LookupSettings settings) {
        return ClaimLookup.builder("patients", source).settings(settings).clock(clock).build();
    }

    @AfterEach
    void close() {
        lookup.close();
    }

    @Test
    void cachesFoundAndNotFoundAnswersEachForItsOwnFreshness() {
        assertThat(lookup.lookup("ann")).isEqualTo(new LookupResult<>(Answer.FOUND, Optional.of("1234"), LookupOutcome.MISS));
        assertThat(lookup.lookup("bob")).isEqualTo(new LookupResult<>(Answer.NOT_FOUND, Optional.empty(), LookupOutcome.MISS));
        rows.put("bob", "5678");

        clock.advance(Duration.ofSeconds(59));
        assertThat(lookup.lookup("ann").outcome()).isEqualTo(LookupOutcome.HIT);
        assertThat(lookup.lookup("bob")).isEqualTo(new LookupResult<>(Answer.NOT_FOUND, Optional.empty(), LookupOutcome.HIT));
        assertThat(source.calls()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        assertThat(lookup.lookup("ann").outcome()).as("found is fresh for 5 min").isEqualTo(LookupOutcome.HIT);
        assertThat(lookup.lookup("bob")).as("not found past its minute: served at once, refreshed behind")
                .isEqualTo(new LookupResult<>(Answer.NOT_FOUND, Optional.empty(), LookupOutcome.REFRESHED));
        Eventually.await("bob refreshed", () -> lookup.lookup("bob").value().isPresent());
        assertThat(lookup.lookup("bob").outcome()).isEqualTo(LookupOutcome.HIT);
    }

    @Test
    void refreshAheadServesTheOldValueAtOnceAndTheNewOneAfterTheBackgroundCall() {
        lookup.apply("ann");
        rows.put("ann", "4321");
        clock.advance(Duration.ofMinutes(6));

        assertThat(lookup.lookup("ann")).isEqualTo(new LookupResult<>(Answer.FOUND, Optional.of("1234"), LookupOutcome.REFRESHED));
        Eventually.await("the new value", () -> lookup.apply("ann").equals(Optional.of("4321")));
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void whenTheSourceFailsTheLastKnownAnswerIsServedForTheStaleWindowThenTheAnswerIsUnknown() {
        lookup.apply("ann");
        failing = true;
        clock.advance(Duration.ofMinutes(6));

        lookup.lookup("ann"); // starts a refresh, which fails
        Eventually.await("the failed refresh", () -> lookup.lookup("ann").outcome() == LookupOutcome.STALE_SERVED);
        assertThat(lookup.lookup("ann")).isEqualTo(new LookupResult<>(Answer.STALE, Optional.of("1234"),
                LookupOutcome.STALE_SERVED));

        clock.advance(Duration.ofMinutes(55));
        assertThat(lookup.lookup("ann")).as("past the stale window: forgotten")
                .isEqualTo(new LookupResult<>(Answer.UNKNOWN, Optional.empty(), LookupOutcome.SOURCE_FAILED));
        assertThat(lookup.apply("ann")).isEmpty();
    }

    @Test
    void unknownIsNeverNotFoundAndCanFailTheRule() {
        failing = true;
        assertThat(lookup.lookup("ann")).isEqualTo(new LookupResult<>(Answer.UNKNOWN, Optional.empty(),
                LookupOutcome.SOURCE_FAILED));
        assertThat(lookup.lookup("ann").isUnknown()).as("a failure is not cached").isTrue();
        assertThat(source.calls()).isEqualTo(2);

        lookup.close();
        lookup = lookup(LookupSettings.builder().onUnknown(OnUnknown.FAIL_RULE).circuitMinimumCalls(100).build());
        assertThatThrownBy(() -> lookup.apply("ann")).isInstanceOf(LookupUnavailableException.class)
                .hasMessage("Lookup 'patients' has no answer: source-failed").hasMessageNotContaining("ann");
        failing = false;
        assertThat(lookup.apply("ann")).contains("1234");
    }

    @Test
    void invalidationMakesTheNextLookupAskTheSource() {
        lookup.apply("ann");
        lookup.apply("bob");
        rows.put("ann", "1111");
        lookup.invalidate("ann");
        assertThat(lookup.lookup("ann")).isEqualTo(new LookupResult<>(Answer.FOUND, Optional.of("1111"), LookupOutcome.MISS));
        assertThat(lookup.lookup("bob").outcome()).isEqualTo(LookupOutcome.HIT);

        lookup.invalidateAll();
        assertThat(lookup.lookup("bob").outcome()).isEqualTo(LookupOutcome.MISS);
        assertThat(lookup.stats().count(LookupOutcome.MISS)).isEqualTo(4);
        assertThat(lookup.stats().sourceCalls()).isEqualTo(4);
    }

    @Test
    void eachLookupInsideARuleIsNotedInThatCallsResult() {
        TokenHookRequest request = TokenHookRequest.fromJson(
                "{\"data\":{\"identity\":{\"claims\":{\"sub\":\"00u1\"}}}}".getBytes(StandardCharsets.UTF_8));
        lookup.close();
        lookup = lookup(LookupSettings.builder().onUnknown(OnUnknown.FAIL_RULE).circuitMinimumCalls(100).build());
        try (TokenHook hook = TokenHook.builder()
                .rule("patient-id", (req, patch) -> {
                    lookup.apply("ann").ifPresent(id -> patch.idToken().add("extPatientId", id));
                    lookup.apply("bob");
                })
                .build()) {
            HookResult first = hook.process(request);
            assertThat(first.count(RuleStatus.APPLIED)).isOne();
            assertThat(first.rules().get(0).notes()).extracting(RuleNote::toString)
                    .containsExactly("patients:miss:found", "patients:miss:not-found");

            lookup.invalidateAll();
            failing = true;
            HookResult failed = hook.process(request);
            assertThat(failed.count(RuleStatus.FAILED)).as("fail-rule: on-rule-failure applies").isOne();
            assertThat(failed.rules().get(0).notes()).extracting(RuleNote::toString)
                    .containsExactly("patients:source-failed:unknown");
        }
    }
}
