package dev.tokenhook.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.rule.RuleNote.Answer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RuleNotesTest {

    private static final TokenHookRequest SIGN_IN = TokenHookRequest.fromJson(
            "{\"eventId\":\"e1\",\"data\":{\"identity\":{\"claims\":{\"sub\":\"00u1\"}}}}".getBytes(StandardCharsets.UTF_8));

    @Test
    void notesRecordedWhileARuleRunsEndUpInThatRulesOutcome() {
        try (TokenHook hook = TokenHook.builder()
                .rule("quiet", (request, patch) -> patch.idToken().add("a", 1))
                .rule("looks-up", (request, patch) -> {
                    assertThat(RuleNotes.active()).isTrue();
                    RuleNotes.record(new RuleNote("patients", "hit", Answer.FOUND));
                    RuleNotes.record(new RuleNote("groups", "timed-out", Answer.UNKNOWN));
                })
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.rules().get(0).notes()).isEmpty();
            assertThat(result.rules().get(1).notes()).extracting(RuleNote::toString)
                    .containsExactly("patients:hit:found", "groups:timed-out:unknown");
        }
    }

    @Test
    void notesOfARuleRunningOnTheCallingThreadAreKeptAndTheThreadIsLeftClean() throws Exception {
        try (TokenHook hook = TokenHook.builder()
                .rule(ClaimRule.nonBlocking("inline", (request, patch) ->
                        RuleNotes.record(new RuleNote("cache", "hit", Answer.NOT_FOUND))))
                .build()) {
            CountDownLatch done = new CountDownLatch(1);
            HookResult[] seen = new HookResult[1];
            hook.process(SIGN_IN, System.nanoTime() + TimeUnit.SECONDS.toNanos(2), (result, error) -> {
                seen[0] = result;
                done.countDown();
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(seen[0].rules().get(0).notes()).extracting(RuleNote::answer).containsExactly(Answer.NOT_FOUND);
            assertThat(RuleNotes.active()).isFalse();
            assertThat(RuleNotes.record(new RuleNote("cache", "hit", Answer.FOUND))).isFalse();
        }
    }

    @Test
    void aRunKeepsABoundedNumberOfNotes() {
        try (TokenHook hook = TokenHook.builder()
                .rule("chatty", (request, patch) -> {
                    for (int i = 0; i < RuleNotes.MAX_NOTES_PER_RULE + 5; i++) {
                        RuleNotes.record(new RuleNote("source", "hit", Answer.FOUND));
                    }
                })
                .build()) {
            assertThat(hook.process(SIGN_IN).rules().get(0).notes()).hasSize(RuleNotes.MAX_NOTES_PER_RULE);
        }
    }

    @Test
    void notesOutsideARuleAreDropped() throws Exception {
        var executor = Executors.newSingleThreadExecutor();
        try {
            assertThat(executor.submit(() -> RuleNotes.record(new RuleNote("x", "hit", Answer.FOUND))).get()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void tagsMustBeLowCardinalityWords() {
        assertThatThrownBy(() -> new RuleNote("Patients", "hit", Answer.FOUND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> new RuleNote("patients", "ann@example.com", Answer.FOUND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> new RuleNote("p".repeat(RuleNote.MAX_TAG + 1), "hit", Answer.FOUND))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
