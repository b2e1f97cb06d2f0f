package dev.tokenhook.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Rules declared non-blocking run on the calling thread; the others keep their time-budget guarantee. */
class NonBlockingRuleTest {

    private static final TokenHookRequest SIGN_IN = TokenHookRequest.fromJson("""
            {"eventId":"e1","data":{"context":{"user":{"profile":{"login":"ann@example.com"}}},
              "identity":{"claims":{"sub":"00u1"}},"access":{"claims":{"sub":"ann@example.com"}}}}
            """.getBytes(StandardCharsets.UTF_8));

    private static String json(HookResult result) {
        return new String(result.response().toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void nonBlockingRuleRunsOnTheCallingThreadAndOthersOnRuleThreads() {
        AtomicReference<Thread> inline = new AtomicReference<>();
        AtomicReference<Thread> handedOff = new AtomicReference<>();
        try (TokenHook hook = TokenHook.builder()
                .rule(ClaimRule.nonBlocking("inline", (request, patch) -> inline.set(Thread.currentThread())))
                .rule("blocking", (request, patch) -> handedOff.set(Thread.currentThread()))
                .build()) {
            hook.process(SIGN_IN);
        }

        assertThat(inline.get()).isSameAs(Thread.currentThread());
        assertThat(handedOff.get()).isNotSameAs(Thread.currentThread());
        assertThat(handedOff.get().getName()).startsWith("tokenhook-rule-");
    }

    @Test
    void mergeKeepsRuleOrderWhereverRulesRan() {
        try (TokenHook hook = TokenHook.builder()
                .rule("first", (request, patch) -> patch.accessToken().add("a", 1))
                .rule(ClaimRule.nonBlocking("second", (request, patch) -> patch.accessToken().add("b", 2)))
                .rule("third", (request, patch) -> patch.accessToken().add("c", 3))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(json(result)).isEqualTo("{\"commands\":[{\"type\":\"com.okta.access.patch\",\"value\":["
                    + "{\"op\":\"add\",\"path\":\"/claims/a\",\"value\":1},"
                    + "{\"op\":\"add\",\"path\":\"/claims/b\",\"value\":2},"
                    + "{\"op\":\"add\",\"path\":\"/claims/c\",\"value\":3}]}]}");
            assertThat(result.rules()).extracting(RuleOutcome::rule).containsExactly("first", "second", "third");
            assertThat(result.count(RuleStatus.APPLIED)).isEqualTo(3);
        }
    }

    @Test
    void blockingRuleIsStillCutAtTheBudgetBesideANonBlockingOne() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        try (TokenHook hook = TokenHook.builder()
                .rule("stalled", (request, patch) -> never.await())
                .rule(ClaimRule.nonBlocking("quick", (request, patch) -> patch.idToken().add("quick", true)))
                .timeBudget(Duration.ofMillis(200))
                .build()) {
            long start = System.nanoTime();
            HookResult result = hook.process(SIGN_IN);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMillis).isBetween(150L, 1500L);
            assertThat(result.rules().get(0).status()).isEqualTo(RuleStatus.TIMED_OUT);
            assertThat(result.rules().get(1).status()).isEqualTo(RuleStatus.APPLIED);
            assertThat(json(result)).contains("/claims/quick").doesNotContain("stalled");
        } finally {
            never.countDown();
        }
    }

    @Test
    void nonBlockingRuleThatThrowsIsDroppedAlone() {
        try (TokenHook hook = TokenHook.builder()
                .rule(ClaimRule.nonBlocking("broken", (request, patch) -> {
                    patch.idToken().add("half", 1);
                    throw new IllegalStateException("boom");
                }))
                .rule("fine", (request, patch) -> patch.idToken().add("fine", 1))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.rules().get(0).status()).isEqualTo(RuleStatus.FAILED);
            assertThat(result.rules().get(0).error()).containsInstanceOf(IllegalStateException.class);
            assertThat(json(result)).contains("/claims/fine").doesNotContain("half");
        }
    }

    @Test
    void nonBlockingRuleThatOverrunsTheBudgetIsDroppedAsTimedOut() {
        try (TokenHook hook = TokenHook.builder()
                .rule(ClaimRule.nonBlocking("slow", (request, patch) -> {
                    patch.idToken().add("late", 1);
                    Thread.sleep(150); // breaks the promise: the engine can only drop its changes
                }))
                .timeBudget(Duration.ofMillis(50))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.rules().get(0).status()).isEqualTo(RuleStatus.TIMED_OUT);
            assertThat(json(result)).isEqualTo("{}");
        }
    }

    @Test
    void nonBlockingRuleIsSkippedWhenTheDeadlineHasPassed() {
        try (TokenHook hook = TokenHook.builder()
                .rule(ClaimRule.nonBlocking("never", (request, patch) -> patch.idToken().add("x", 1)))
                .build()) {
            HookResult result = hook.process(SIGN_IN, System.nanoTime() - 1);

            assertThat(result.rules().get(0).status()).isEqualTo(RuleStatus.SKIPPED);
            assertThat(json(result)).isEqualTo("{}");
        }
    }

    @Test
    void namesAndConditionsKeepTheDeclaration() {
        ClaimRule.NonBlocking rule = ClaimRule.nonBlocking("tagged", (request, patch) -> patch.idToken().add("t", 1));

        assertThat(rule.name()).isEqualTo("tagged");
        assertThat(rule.when(request -> false)).isInstanceOf(ClaimRule.NonBlocking.class)
                .extracting(ClaimRule::name).isEqualTo("tagged");
        assertThat(ClaimRule.named("renamed", rule)).isInstanceOf(ClaimRule.NonBlocking.class)
                .extracting(ClaimRule::name).isEqualTo("renamed");
        assertThat(ClaimRule.named("plain", (request, patch) -> { })).isNotInstanceOf(ClaimRule.NonBlocking.class);
        try (TokenHook hook = TokenHook.builder().rule(rule.when(request -> false)).build()) {
            assertThat(json(hook.process(SIGN_IN))).isEqualTo("{}");
        }
    }
}
