package dev.tokenhook.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@code process(request, deadline, whenDone)}: the calling thread runs the rules, the watchdog answers
 * at the deadline when they hang, and {@code whenDone} is called exactly once either way.
 */
class CallerRunsTest {

    private static final TokenHookRequest SIGN_IN = TokenHookRequest.fromJson("""
            {"eventId":"e1","data":{"context":{"user":{"profile":{"login":"ann@example.com"}}},
              "identity":{"claims":{"sub":"00u1"}},"access":{"claims":{"sub":"ann@example.com"}}}}
            """.getBytes(StandardCharsets.UTF_8));

    /** Records the one {@code whenDone} call: result, error, thread and how many calls there were. */
    private static final class Done {
        final CompletableFuture<HookResult> result = new CompletableFuture<>();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<Thread> thread = new AtomicReference<>();

        void accept(HookResult hookResult, Throwable error) {
            calls.incrementAndGet();
            thread.set(Thread.currentThread());
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(hookResult);
            }
        }

        HookResult await() throws Exception {
            return result.get(5, TimeUnit.SECONDS);
        }
    }

    private static long deadlineIn(Duration budget) {
        return System.nanoTime() + budget.toNanos();
    }

    private static String json(HookResult result) {
        return new String(result.response().toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void quickRuleRunsOnTheCallingThreadWhichIsAnsweredBeforeProcessReturns() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Done done = new Done();
        try (TokenHook hook = TokenHook.builder()
                .rule("patient", (request, patch) -> {
                    ranOn.set(Thread.currentThread());
                    patch.idToken().add("extPatientId", "1234");
                })
                .build()) {
            hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);

            assertThat(done.result).isDone();
        }
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(done.thread.get()).isSameAs(Thread.currentThread());
        assertThat(done.calls.get()).isEqualTo(1);
        assertThat(json(done.result.join())).contains("\"/claims/extPatientId\"");
    }

    @Test
    void otherBlockingRulesRunOnRuleThreadsAndTheMergeKeepsRuleOrder() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Done done = new Done();
        try (TokenHook hook = TokenHook.builder()
                .rule("first", (request, patch) -> {
                    threads.add(Thread.currentThread());
                    patch.accessToken().add("a", 1);
                })
                .rule("second", (request, patch) -> {
                    threads.add(Thread.currentThread());
                    patch.accessToken().add("b", 2);
                })
                .rule(ClaimRule.nonBlocking("third", (request, patch) -> patch.accessToken().add("c", 3)))
                .build()) {
            hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);
            HookResult result = done.await();

            assertThat(json(result)).isEqualTo("{\"commands\":[{\"type\":\"com.okta.access.patch\",\"value\":["
                    + "{\"op\":\"add\",\"path\":\"/claims/a\",\"value\":1},"
                    + "{\"op\":\"add\",\"path\":\"/claims/b\",\"value\":2},"
                    + "{\"op\":\"add\",\"path\":\"/claims/c\",\"value\":3}]}]}");
        }
        assertThat(threads).hasSize(2);
        assertThat(threads).filteredOn(t -> t == Thread.currentThread()).hasSize(1);
        assertThat(threads).filteredOn(t -> t.getName().startsWith("tokenhook-rule-")).hasSize(1);
        assertThat(done.calls.get()).isEqualTo(1);
    }

    @Test
    void hangingRuleIsAnsweredAtTheDeadlineByTheWatchdogAndTheCallerIsInterruptedThenCleared() throws Exception {
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        Done done = new Done();
        try (TokenHook hook = TokenHook.builder()
                .rule("stalled", (request, patch) -> {
                    patch.idToken().add("late", true);
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        sawInterrupt.set(true);
                        throw e;
                    }
                })
                .rule(ClaimRule.nonBlocking("quick", (request, patch) -> patch.idToken().add("quick", true)))
                .timeBudget(Duration.ofMillis(200))
                .build()) {
            long start = System.nanoTime();
            hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);
            HookResult result = done.await();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMillis).isBetween(150L, 1500L);
            assertThat(done.thread.get().getName()).isEqualTo("tokenhook-watchdog");
            assertThat(result.rules().get(0).status()).isEqualTo(RuleStatus.TIMED_OUT);
            assertThat(result.rules().get(1).status()).isEqualTo(RuleStatus.APPLIED);
            assertThat(json(result)).contains("/claims/quick").doesNotContain("late");
        }
        assertThat(sawInterrupt).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(done.calls.get()).isEqualTo(1);
    }

    @Test
    void ruleIgnoringInterruptsDoesNotDelayTheAnswerAndItsLateChangesAreDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Done done = new Done();
        AtomicReference<Throwable> callerFailure = new AtomicReference<>();
        try (TokenHook hook = TokenHook.builder()
                .rule("deaf", (request, patch) -> {
                    boolean released = false;
                    while (!released) {
                        try {
                            released = release.await(1, TimeUnit.SECONDS);
                        } catch (InterruptedException swallowed) {
                            // like a driver that ignores interrupts
                        }
                    }
                    patch.idToken().add("late", true);
                })
                .onRuleFailure(RuleFailurePolicy.DENY)
                .timeBudget(Duration.ofMillis(150))
                .build()) {
            Thread caller = new Thread(() -> {
                try {
                    hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);
                } catch (Throwable e) {
                    callerFailure.set(e);
                }
            });
            caller.start();
            HookResult result = done.await();

            assertThat(caller.isAlive()).isTrue();
            assertThat(result.response().isDenied()).isTrue();
            assertThat(result.rules().get(0).status()).isEqualTo(RuleStatus.TIMED_OUT);
            release.countDown();
            caller.join(5000);
            assertThat(caller.isAlive()).isFalse();
        }
        assertThat(callerFailure.get()).isNull();
        assertThat(done.calls.get()).isEqualTo(1);
    }

    @Test
    void noRulesAnswersAtOnce() {
        Done done = new Done();
        try (TokenHook hook = TokenHook.builder().build()) {
            hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);
        }
        assertThat(done.result).isDone();
        assertThat(json(done.result.join())).isEqualTo("{}");
    }

    /** Rules that end around the deadline: whoever finishes the call, it is finished once, consistently. */
    @RepeatedTest(5)
    void racesBetweenRulesAndTheWatchdogAnswerExactlyOnce() throws Exception {
        int calls = 60;
        List<Done> all = new CopyOnWriteArrayList<>();
        try (TokenHook hook = TokenHook.builder()
                .rule("caller", (request, patch) -> {
                    busyFor(TimeUnit.MICROSECONDS.toNanos(1500));
                    patch.accessToken().add("a", 1);
                })
                .rule("handed-off", (request, patch) -> {
                    busyFor(TimeUnit.MICROSECONDS.toNanos(1500));
                    patch.accessToken().add("b", 2);
                })
                .timeBudget(Duration.ofMillis(2))
                .build()) {
            for (int i = 0; i < calls; i++) {
                Done done = new Done();
                all.add(done);
                hook.process(SIGN_IN, deadlineIn(Duration.ofNanos(i % 3 == 0 ? 1_000_000 : 2_000_000)), done::accept);
                assertThat(Thread.currentThread().isInterrupted()).isFalse();
            }
            for (Done done : all) {
                HookResult result = done.await();
                assertThat(result.rules()).hasSize(2);
                for (RuleOutcome outcome : result.rules()) {
                    assertThat(outcome.status()).isIn(RuleStatus.APPLIED, RuleStatus.TIMED_OUT, RuleStatus.SKIPPED);
                }
                String json = json(result);
                assertThat(json.contains("/claims/a")).isEqualTo(result.rules().get(0).status() == RuleStatus.APPLIED);
                assertThat(json.contains("/claims/b")).isEqualTo(result.rules().get(1).status() == RuleStatus.APPLIED);
            }
            Thread.sleep(50);
        }
        for (Done done : all) {
            assertThat(done.calls.get()).isEqualTo(1);
        }
    }

    @Test
    void closeAnswersCallsStillInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        Done done = new Done();
        TokenHook hook = TokenHook.builder()
                .rule("first", (request, patch) -> patch.accessToken().add("a", 1))
                .rule("stalled", (request, patch) -> {
                    stalled.countDown();
                    release.await();
                })
                .timeBudget(Duration.ofMillis(2900))
                .build();
        try {
            hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);
            assertThat(stalled.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(done.result).isNotDone();
            hook.close();
            HookResult result = done.result.get(2, TimeUnit.SECONDS);
            assertThat(result.rules().get(1).status()).isEqualTo(RuleStatus.TIMED_OUT);
        } finally {
            release.countDown();
            hook.close();
        }
    }

    @Test
    void afterCloseACallIsAnsweredAtOnceWithoutWaitingForADeadlineNobodyWatches() throws Exception {
        Done done = new Done();
        TokenHook hook = TokenHook.builder()
                .rule("first", (request, patch) -> patch.accessToken().add("a", 1))
                .rule("second", (request, patch) -> patch.accessToken().add("b", 2))
                .build();
        hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), (result, error) -> { });
        hook.close();

        hook.process(SIGN_IN, deadlineIn(hook.timeBudget()), done::accept);

        HookResult result = done.result.get(1, TimeUnit.SECONDS);
        assertThat(result.rules()).extracting(RuleOutcome::status).containsOnly(RuleStatus.SKIPPED);
        assertThat(json(result)).isEqualTo("{}");
        assertThat(done.calls.get()).isEqualTo(1);
    }

    private static void busyFor(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
