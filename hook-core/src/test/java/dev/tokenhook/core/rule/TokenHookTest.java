package dev.tokenhook.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.patch.PatchViolation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenHookTest {

    private static final TokenHookRequest SIGN_IN = TokenHookRequest.fromJson("""
            {"eventId":"e1","data":{"context":{"user":{"profile":{"login":"ann@example.com"}}},
              "identity":{"claims":{"sub":"00u1","nickname":"annie","tags":["a","b"]}},
              "access":{"claims":{"sub":"ann@example.com"}}}}
            """.getBytes(StandardCharsets.UTF_8));

    private static String json(HookResult result) {
        return new String(result.response().toJson(), StandardCharsets.UTF_8);
    }

    @Test
    void mergesRulesInOrderIntoOneCommandPerToken() {
        try (TokenHook hook = TokenHook.builder()
                .rule("first", (request, patch) -> patch.accessToken().add("a", 1))
                .rule("second", (request, patch) -> patch.idToken().add("b", 2).lifetime(Duration.ofMinutes(10)))
                .rule("third", (request, patch) -> patch.accessToken().add("c", 3))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(json(result)).isEqualTo("{\"commands\":["
                    + "{\"type\":\"com.okta.access.patch\",\"value\":[{\"op\":\"add\",\"path\":\"/claims/a\",\"value\":1},"
                    + "{\"op\":\"add\",\"path\":\"/claims/c\",\"value\":3}]},"
                    + "{\"type\":\"com.okta.identity.patch\",\"value\":[{\"op\":\"add\",\"path\":\"/claims/b\",\"value\":2},"
                    + "{\"op\":\"replace\",\"path\":\"/token/lifetime/expiration\",\"value\":600}]}]}");
            assertThat(result.rules()).extracting(RuleOutcome::rule).containsExactly("first", "second", "third");
            assertThat(result.count(RuleStatus.APPLIED)).isEqualTo(3);
        }
    }

    @Test
    void laterRuleConflictingWithAnEarlierOneIsRejectedAlone() {
        try (TokenHook hook = TokenHook.builder()
                .rule("first", (request, patch) -> patch.idToken().replace("nickname", "ann"))
                .rule("second", (request, patch) -> patch.idToken().remove("nickname").add("other", true))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(json(result)).contains("\"replace\"").doesNotContain("other");
            RuleOutcome second = result.rules().get(1);
            assertThat(second.status()).isEqualTo(RuleStatus.REJECTED);
            assertThat(second.violations()).extracting(PatchViolation::kind)
                    .containsExactly(PatchViolation.Kind.CONFLICTING_OPERATIONS);
        }
    }

    @Test
    void ruleWritingForATokenNotMintedIsRejected() {
        TokenHookRequest clientCredentials = TokenHookRequest.fromJson(
                "{\"data\":{\"access\":{\"claims\":{}}}}".getBytes(StandardCharsets.UTF_8));
        try (TokenHook hook = TokenHook.builder()
                .rule("id-only", (request, patch) -> patch.idToken().add("x", 1))
                .build()) {
            HookResult result = hook.process(clientCredentials);

            assertThat(json(result)).isEqualTo("{}");
            assertThat(result.rules().get(0).violations()).extracting(PatchViolation::kind)
                    .containsExactly(PatchViolation.Kind.TOKEN_NOT_MINTED);
        }
    }

    @Test
    void failingRuleIsReportedWithItsExceptionAndDropped() {
        try (TokenHook hook = TokenHook.builder()
                .rule("broken", (request, patch) -> {
                    patch.idToken().add("partial", 1);
                    throw new java.sql.SQLException("connection refused");
                })
                .rule("fine", (request, patch) -> patch.idToken().add("fine", true))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(json(result)).contains("fine").doesNotContain("partial");
            RuleOutcome broken = result.rules().get(0);
            assertThat(broken.status()).isEqualTo(RuleStatus.FAILED);
            assertThat(broken.reason()).isEqualTo("java.sql.SQLException");
            assertThat(result.hasFailures()).isTrue();
        }
    }

    @Test
    void noChangePolicyAnswersEmptyWhenAnyRuleFails() {
        try (TokenHook hook = TokenHook.builder()
                .onRuleFailure(RuleFailurePolicy.NO_CHANGE)
                .rule("fine", (request, patch) -> patch.idToken().add("fine", true))
                .rule("broken", (request, patch) -> {
                    throw new IllegalStateException();
                })
                .build()) {
            assertThat(json(hook.process(SIGN_IN))).isEqualTo("{}");
        }
    }

    @Test
    void denyPolicyDeniesWhenAnyRuleIsRejected() {
        try (TokenHook hook = TokenHook.builder()
                .onRuleFailure(RuleFailurePolicy.DENY)
                .rule("sneaky", (request, patch) -> patch.idToken().replace("sub", "x"))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.response().isDenied()).isTrue();
            assertThat(result.response().error().orElseThrow().errorSummary())
                    .isEqualTo(TokenHook.FAILURE_DENIAL_SUMMARY);
        }
    }

    @Test
    void explicitDenialWinsAndTheFirstOneIsKept() {
        try (TokenHook hook = TokenHook.builder()
                .rule("patch", (request, patch) -> patch.idToken().add("x", 1))
                .rule("gate", (request, patch) -> patch.deny("first reason"))
                .rule("gate2", (request, patch) -> patch.deny("second reason"))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(json(result)).isEqualTo("{\"error\":{\"errorSummary\":\"first reason\"}}");
            assertThat(result.count(RuleStatus.DENIED)).isEqualTo(2);
        }
    }

    @Test
    void debugContextOfAcceptedRulesIsSentAndOfRejectedRulesDropped() {
        try (TokenHook hook = TokenHook.builder()
                .rule("ok", (request, patch) -> patch.debug("lookupMillis", 3).idToken().add("y", "z"))
                .rule("bad", (request, patch) -> patch.debug("secretish", "x").idToken().remove("missing"))
                .build()) {
            String json = json(hook.process(SIGN_IN));

            assertThat(json).contains("\"debugContext\":{\"lookupMillis\":3}").doesNotContain("secretish");
        }
    }

    @Test
    void answerThatWouldReachOktasSizeLimitDropsTheRuleThatOverflowed() {
        String big = "x".repeat(200 * 1024);
        try (TokenHook hook = TokenHook.builder()
                .rule("small", (request, patch) -> patch.idToken().add("small", "ok"))
                .rule("big1", (request, patch) -> patch.idToken().add("big1", big))
                .rule("big2", (request, patch) -> patch.accessToken().add("big2", big))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.response().toJson().length).isLessThan(256_000);
            assertThat(result.rules()).extracting(RuleOutcome::status)
                    .containsExactly(RuleStatus.APPLIED, RuleStatus.APPLIED, RuleStatus.REJECTED);
            assertThat(result.rules().get(2).violations()).extracting(PatchViolation::kind)
                    .containsExactly(PatchViolation.Kind.RESPONSE_TOO_LARGE);
        }
    }

    @Test
    void rulesRunConcurrentlySoTwoSlowRulesShareOneBudget() throws InterruptedException {
        CountDownLatch bothRunning = new CountDownLatch(2);
        ClaimRule waitForTheOther = (request, patch) -> {
            bothRunning.countDown();
            if (bothRunning.await(2, TimeUnit.SECONDS)) {
                patch.idToken().add("met-" + Thread.currentThread().getName(), true);
            }
        };
        try (TokenHook hook = TokenHook.builder().rule("a", waitForTheOther).rule("b", waitForTheOther).build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.count(RuleStatus.APPLIED)).isEqualTo(2);
        }
    }

    @Test
    void saturatedExecutorSkipsRulesInsteadOfQueueingPastTheBudget() throws InterruptedException {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try (TokenHook hook = TokenHook.builder()
                .executor(single)
                .timeBudget(Duration.ofMillis(200))
                .rule("blocker", (request, patch) -> release.await())
                .rule("queued", (request, patch) -> patch.idToken().add("never", true))
                .build()) {
            HookResult result = hook.process(SIGN_IN);

            assertThat(result.rules()).extracting(RuleOutcome::status)
                    .containsExactly(RuleStatus.TIMED_OUT, RuleStatus.SKIPPED);
            assertThat(json(result)).isEqualTo("{}");
        } finally {
            release.countDown();
            single.shutdownNow();
            assertThat(single.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeStopsTheRuleThreads() throws InterruptedException {
        TokenHook hook = TokenHook.builder().rule("x", (request, patch) -> patch.idToken().add("x", 1)).build();
        hook.process(SIGN_IN);
        hook.close();

        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tokenhook-rule-"))
                .forEach(t -> {
                    try {
                        t.join(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("tokenhook-rule-")
                && t.isAlive());
    }

    @Test
    void ruleNamesAndConditions() {
        ClaimRule rule = ClaimRule.named("patients", (request, patch) -> patch.idToken().add("p", 1))
                .when(Conditions.userLoginIn("ANN@example.com").and(Conditions.mintsIdToken()));
        try (TokenHook hook = TokenHook.builder().rule(rule).build()) {
            assertThat(rule.name()).isEqualTo("patients");
            assertThat(json(hook.process(SIGN_IN))).contains("/claims/p");
        }
        assertThat(Conditions.userPresent().test(SIGN_IN)).isTrue();
        assertThat(Conditions.mintsAccessToken().test(SIGN_IN)).isTrue();
        assertThat(Conditions.inGroup("Admins").test(SIGN_IN)).isFalse();
        assertThat(Conditions.hasScope("openid").test(SIGN_IN)).isFalse();
        assertThat(Conditions.clientIdIn("x").test(SIGN_IN)).isFalse();
        assertThat(Conditions.grantTypeIn("client_credentials").test(SIGN_IN)).isFalse();
        assertThat(SIGN_IN.mints(TokenType.ID_TOKEN)).isTrue();
    }

    @Test
    void builderRejectsBudgetsOktaWouldNotWaitFor() {
        assertThatThrownBy(() -> TokenHook.builder().timeBudget(Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than Okta's 3 s");
        assertThatThrownBy(() -> TokenHook.builder().timeBudget(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenHook.builder().maxRuleThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimRule.named(" ", (r, p) -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(RuleStatus.values())).filteredOn(RuleStatus::isFailure)
                .containsExactly(RuleStatus.FAILED, RuleStatus.REJECTED, RuleStatus.TIMED_OUT, RuleStatus.SKIPPED);
    }
}
