package dev.tokenhook.testkit;

import static dev.tokenhook.testkit.TokenHookAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.ErrorCause;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.rule.HookResult;
import dev.tokenhook.core.rule.RuleOutcome;
import dev.tokenhook.core.rule.RuleStatus;
import dev.tokenhook.core.rule.TokenHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's cases end to end: what the engine answers, judged by the {@link OktaEmulator}. A denial
 * always reaches Okta as a denial, trimming keeps claims before debug data, and the reserved claims are
 * Okta's per token.
 */
class AnswersOktaKeepsTest {

    private static final TokenHookRequest REQUEST = Flow.GROUPS_AND_OBJECT_CLAIMS.request();
    private static final String KB_300 = "d".repeat(300_000);

    private final OktaEmulator okta = new OktaEmulator();

    private static HookResult run(TokenHook.Builder builder) {
        try (TokenHook hook = builder.build()) {
            return hook.process(REQUEST);
        }
    }

    private EmulatedOutcome judged(HookResult result) {
        byte[] body = result.response().toJson();
        assertThat(body.length).isLessThan(PatchValidator.MAX_RESPONSE_BYTES).isLessThan(256_000);
        return okta.apply(REQUEST, 200, body);
    }

    @Test
    void aDenialWithA300KbDebugEntryOfItsOwnIsDenied() {
        HookResult result = run(TokenHook.builder()
                .rule("gate", (request, patch) -> patch.debug("trace", KB_300).deny("Not a patient")));

        assertThat(judged(result)).isDeniedWith("Not a patient");
        assertThat(result.rules()).extracting(RuleOutcome::status).containsExactly(RuleStatus.DENIED);
    }

    @Test
    void aDenialWithAnotherRulesHugeDebugEntryIsDenied() {
        HookResult result = run(TokenHook.builder()
                .rule("claim", (request, patch) -> patch.debug("trace", KB_300).idToken().add("x", 1))
                .rule("gate", (request, patch) -> patch.deny("Not a patient")));

        assertThat(judged(result)).isDeniedWith("Not a patient");
    }

    @Test
    void aDenialWith2000ErrorCausesIsDenied() {
        List<ErrorCause> causes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            causes.add(new ErrorCause("cause " + i + " " + "c".repeat(170), "REASON", "body", "data.context", "svc"));
        }
        HookResult result = run(TokenHook.builder()
                .rule("gate", (request, patch) -> patch.deny(new HookError("Consent missing", causes))));

        assertThat(judged(result)).isDeniedWith("Consent missing");
    }

    /** Any amount of debug data and error causes, from any rules: seeded; the seed is in each failure. */
    @RepeatedTest(25)
    void aDenialWithAnyAmountOfDebugDataOrCausesIsDenied(RepetitionInfo repetition) {
        long seed = 0x17_1000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        TokenHook.Builder builder = TokenHook.builder();
        int rules = 1 + random.nextInt(4);
        int denier = random.nextInt(rules);
        for (int i = 0; i < rules; i++) {
            int entries = random.nextInt(5);
            int entrySize = random.nextInt(200_000);
            int causes = i == denier ? random.nextInt(3000) : 0;
            int causeSize = 1 + random.nextInt(2000);
            int rule = i;
            builder.rule("rule-" + i, (request, patch) -> {
                for (int e = 0; e < entries; e++) {
                    patch.debug("r" + rule + "e" + e, "v".repeat(entrySize));
                }
                if (rule == denier) {
                    List<ErrorCause> list = new ArrayList<>();
                    for (int c = 0; c < causes; c++) {
                        list.add(new ErrorCause("x".repeat(causeSize), null, null, "l".repeat(causeSize), null));
                    }
                    patch.deny(new HookError("denied " + seed, list));
                } else {
                    patch.accessToken().add("claim" + rule, "c".repeat(entrySize / 3));
                }
            });
        }

        assertThat(judged(run(builder))).as("seed %d", seed).isDeniedWith("denied " + seed);
    }

    @Test
    void aHugeDebugOnlyRuleNeverCostsAValidClaim() {
        HookResult result = run(TokenHook.builder()
                .rule("claim", (request, patch) -> patch.idToken().add("extPatientId", "1234"))
                .rule("debug", (request, patch) -> patch.debug("trace", KB_300)));

        assertThat(judged(result)).isPatched().idToken().hasClaim("extPatientId", "1234");
        assertThat(result.rules()).extracting(RuleOutcome::status)
                .containsExactly(RuleStatus.APPLIED, RuleStatus.NO_CHANGE);
        assertThat(result.response().debugContext()).isEmpty();
    }

    @Test
    void claimsAreKeptBeforeDebugData() {
        String claim = "c".repeat(200_000);
        HookResult result = run(TokenHook.builder()
                .rule("debug", (request, patch) -> patch.debug("trace", "t".repeat(100_000)).idToken().add("a", 1))
                .rule("big", (request, patch) -> patch.accessToken().add("blob", claim)));

        assertThat(judged(result)).isPatched().accessToken().hasClaim("blob", claim);
        assertThat(result.rules()).extracting(RuleOutcome::status)
                .containsExactly(RuleStatus.APPLIED, RuleStatus.APPLIED);
        assertThat(result.response().debugContext()).isEmpty();
    }

    @Test
    void whenClaimsAloneAreTooLargeTheLastClaimRuleGoesAndNoOtherRulesDebugEntry() {
        String big = "b".repeat(150_000);
        HookResult result = run(TokenHook.builder()
                .rule("first", (request, patch) -> patch.debug("source", "db").idToken().add("first", big))
                .rule("second", (request, patch) -> patch.debug("source", "cache").accessToken().add("second", big)));

        assertThat(judged(result)).isPatched().idToken().hasClaim("first", big);
        assertThat(result.rules().get(1).status()).isEqualTo(RuleStatus.REJECTED);
        assertThat(result.rules().get(1).violations()).extracting(PatchViolation::kind)
                .containsExactly(PatchViolation.Kind.RESPONSE_TOO_LARGE);
        assertThat(result.response().debugContext()).as("the first rule's own entry stays")
                .containsEntry("source", "db");
    }

    @Test
    void roleAndPermissionsGoIntoTheAccessTokenAndAreRefusedInTheIdToken() {
        HookResult access = run(TokenHook.builder().rule("roles", (request, patch) -> patch.accessToken()
                .add("role", "nurse").add("permissions", List.of("patient:read")).add("scope", "clinic")));
        HookResult id = run(TokenHook.builder()
                .rule("role", (request, patch) -> patch.idToken().add("role", "nurse"))
                .rule("permissions", (request, patch) -> patch.idToken().add("permissions", List.of("x")))
                .rule("ok", (request, patch) -> patch.idToken().add("scp", "allowed in the ID token")));

        assertThat(judged(access)).isPatched().accessToken().hasClaim("role", "nurse")
                .hasClaim("permissions", List.of("patient:read")).hasClaim("scope", "clinic");
        assertThat(id.rules()).extracting(RuleOutcome::status)
                .containsExactly(RuleStatus.REJECTED, RuleStatus.REJECTED, RuleStatus.APPLIED);
        assertThat(id.rules().get(0).violations()).extracting(PatchViolation::kind)
                .containsExactly(PatchViolation.Kind.RESERVED_CLAIM);
        assertThat(judged(id)).isPatched().idToken().doesNotHaveClaim("role").doesNotHaveClaim("permissions")
                .hasClaim("scp", "allowed in the ID token");
    }
}
