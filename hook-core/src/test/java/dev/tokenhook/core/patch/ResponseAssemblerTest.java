package dev.tokenhook.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenhook.core.SampleRequests;
import dev.tokenhook.core.TokenHookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** {@link ResponseAssembler}: every answer under 256,000 bytes, trimmed in the documented order. */
class ResponseAssemblerTest {

    private static final int LIMIT = PatchValidator.MAX_RESPONSE_BYTES;
    private static final TokenHookRequest REQUEST = SampleRequests.minting(
            Map.of("sub", "00u1", "tags", List.of("a")), Map.of("sub", "ann@example.com"));
    private static final String KB_300 = "d".repeat(300_000);

    private final ResponseAssembler answer = new ResponseAssembler(PatchValidator.withDefaults(), REQUEST);

    private static TokenPatch patch(Consumer<TokenPatch> writes) {
        TokenPatch patch = new TokenPatch();
        writes.accept(patch);
        return patch;
    }

    private TokenPatch offered(Consumer<TokenPatch> writes) {
        TokenPatch patch = patch(writes);
        assertThat(answer.offer(patch)).isEmpty();
        return patch;
    }

    @Test
    void aDenialWithAHugeDebugEntryOfItsOwnOrAnotherRuleStillFitsAndStillDenies() {
        offered(p -> p.debug("before", "kept").debug("huge-early", KB_300));
        offered(p -> p.deny("No patient").debug("huge", KB_300).debug("after", 1));

        TokenHookResponse response = answer.build();

        assertThat(response.encodedSize()).isLessThan(LIMIT);
        assertThat(response.isDenied()).isTrue();
        assertThat(response.error().orElseThrow().errorSummary()).isEqualTo("No patient");
        assertThat(response.debugContext()).containsExactly(Map.entry("before", "kept"));
    }

    @Test
    void aDenialWithThousandsOfLongErrorCausesFitsWithItsFirstCauses() {
        List<ErrorCause> causes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String text = i + "-" + "c".repeat(1200);
            causes.add(new ErrorCause(text, text, text, text, text));
        }
        offered(p -> p.deny(new HookError("Denied", causes)).debug("trace", "x".repeat(50_000)));

        TokenHookResponse response = answer.build();
        HookError sent = response.error().orElseThrow();

        assertThat(response.encodedSize()).isLessThan(LIMIT);
        assertThat(response.debugContext()).as("debug entries go before causes").isEmpty();
        assertThat(sent.errorSummary()).isEqualTo("Denied");
        assertThat(sent.errorCauses()).isNotEmpty().hasSizeLessThan(HookError.MAX_ERROR_CAUSES);
        assertThat(sent.errorCauses().get(0).errorSummary()).startsWith("0-").hasSize(ErrorCause.MAX_FIELD_LENGTH);
        assertThat(TokenHookResponse.deny(new HookError("Denied", causes), Map.of("k", KB_300)).encodedSize())
                .as("the public factory fits too").isLessThan(LIMIT);
    }

    @Test
    void aHugeDebugOnlyRuleLosesItsEntryBeforeAnyClaimIsDropped() {
        TokenPatch claim = offered(p -> p.debug("small", 1).accessToken().add("role", "nurse"));
        TokenPatch debugOnly = offered(p -> p.debug("huge", KB_300));

        TokenHookResponse response = answer.build();

        assertThat(response.encodedSize()).isLessThan(LIMIT);
        assertThat(response.operations()).extracting(PatchOperation::path).containsExactly("/claims/role");
        assertThat(response.debugContext()).containsExactly(Map.entry("small", 1));
        assertThat(answer.droppedForSize(claim)).isEmpty();
        assertThat(answer.droppedForSize(debugOnly)).isEmpty();
    }

    @Test
    void claimsAreKeptBeforeDebugDataOfAnEarlierRule() {
        TokenPatch debug = offered(p -> p.debug("trace", "t".repeat(100_000)));
        TokenPatch claim = offered(p -> p.accessToken().add("blob", "b".repeat(200_000)));

        TokenHookResponse response = answer.build();

        assertThat(response.encodedSize()).isLessThan(LIMIT);
        assertThat(response.operations()).extracting(PatchOperation::path).containsExactly("/claims/blob");
        assertThat(response.debugContext()).isEmpty();
        assertThat(answer.droppedForSize(claim)).isEmpty();
        assertThat(answer.droppedForSize(debug)).isEmpty();
    }

    @Test
    void aRuleLosingItsDebugEntryNeverTakesAnotherRulesEntryOfTheSameKey() {
        offered(p -> p.debug("source", "db").idToken().add("first", 1));
        offered(p -> p.debug("source", KB_300).idToken().add("second", 2));

        TokenHookResponse response = answer.build();

        assertThat(response.operations()).hasSize(2);
        assertThat(response.debugContext()).as("the earlier rule's entry shows again")
                .containsExactly(Map.entry("source", "db"));
    }

    @Test
    void theLastClaimRulesAreDroppedWhenClaimsAloneAreTooLarge() {
        String big = "x".repeat(120_000);
        TokenPatch small = offered(p -> p.idToken().add("small", "ok"));
        TokenPatch big1 = offered(p -> p.idToken().add("big1", big));
        TokenPatch debugOnly = offered(p -> p.debug("note", "n"));
        TokenPatch big2 = offered(p -> p.accessToken().add("big2", big));
        TokenPatch big3 = offered(p -> p.accessToken().add("big3", big));

        TokenHookResponse response = answer.build();

        assertThat(response.encodedSize()).isLessThan(LIMIT);
        assertThat(response.operations()).extracting(PatchOperation::path)
                .containsExactly("/claims/small", "/claims/big1", "/claims/big2");
        assertThat(response.debugContext()).as("debug entries that fit once big3 is out come back")
                .containsExactly(Map.entry("note", "n"));
        assertThat(answer.droppedForSize(big3)).hasValueSatisfying(v -> {
            assertThat(v.kind()).isEqualTo(PatchViolation.Kind.RESPONSE_TOO_LARGE);
            assertThat(v.message()).contains("256000");
        });
        for (TokenPatch kept : List.of(small, big1, debugOnly, big2)) {
            assertThat(answer.droppedForSize(kept)).isEmpty();
        }
    }

    @Test
    void aDenyingPatchIsAcceptedWhateverItsOperationsAndTheFirstDenialWins() {
        offered(p -> p.idToken().add("x", 1));
        offered(p -> p.deny("first").idToken().add("iss", "reserved").remove("missing"));
        offered(p -> p.deny("second"));

        TokenHookResponse response = answer.build();

        assertThat(response.isDenied()).isTrue();
        assertThat(response.error().orElseThrow().errorSummary()).isEqualTo("first");
        assertThat(response.commands()).isEmpty();
    }

    @Test
    void refusedPatchesLeaveNoTraceAndTheAnswerIsBuiltOnce() {
        TokenPatch refused = patch(p -> p.debug("k", "v").idToken().add("iss", "x"));

        assertThat(answer.offer(refused)).extracting(PatchViolation::kind)
                .containsExactly(PatchViolation.Kind.RESERVED_CLAIM);
        assertThat(answer.build()).isSameAs(answer.build()).isSameAs(TokenHookResponse.noChange());
        assertThatThrownBy(() -> answer.offer(new TokenPatch())).isInstanceOf(IllegalStateException.class);
    }

    /** Seeded random mixtures of claim, debug and denying rules; the seed is in every failure message. */
    @RepeatedTest(40)
    void everyAnswerFitsAndClaimsOutliveDebugData(RepetitionInfo repetition) {
        long seed = 0x17_0000L + repetition.getCurrentRepetition();
        Random random = new Random(seed);
        ResponseAssembler assembler = new ResponseAssembler(PatchValidator.withDefaults(), REQUEST);
        int rules = 1 + random.nextInt(6);
        boolean denied = false;
        List<String> claims = new ArrayList<>();
        List<Integer> claimSizes = new ArrayList<>();
        for (int rule = 0; rule < rules; rule++) {
            TokenPatch patch = new TokenPatch();
            for (int entry = random.nextInt(4); entry > 0; entry--) {
                patch.debug("k" + random.nextInt(5), "v".repeat(random.nextInt(120_000)));
            }
            if (random.nextInt(5) == 0) {
                List<ErrorCause> causes = new ArrayList<>();
                for (int c = random.nextInt(300); c > 0; c--) {
                    causes.add(new ErrorCause("c".repeat(1 + random.nextInt(1000)), null, null, null, null));
                }
                patch.deny(new HookError("denied by " + rule, causes));
                denied = true;
            } else if (random.nextBoolean()) {
                int size = random.nextInt(100_000);
                patch.accessToken().add("claim" + rule, "x".repeat(size));
                claims.add("/claims/claim" + rule);
                claimSizes.add(size);
            }
            assertThat(assembler.offer(patch)).as("seed %d", seed).isEmpty();
        }

        TokenHookResponse response = assembler.build();

        assertThat(response.encodedSize()).as("seed %d", seed).isLessThan(LIMIT);
        assertThat(response.isDenied()).as("seed %d", seed).isEqualTo(denied);
        if (denied) {
            return;
        }
        List<String> sent = response.operations().stream().map(PatchOperation::path).toList();
        assertThat(claims).as("seed %d: the claims kept are the first ones", seed).startsWith(sent.toArray(String[]::new));
        if (sent.size() < claims.size()) {
            int keptAndNext = claimSizes.subList(0, sent.size() + 1).stream().mapToInt(Integer::intValue).sum();
            assertThat(keptAndNext).as("seed %d: a claim is dropped only if it could not fit without debug data", seed)
                    .isGreaterThan(LIMIT - 100 * claims.size() - 100);
        }
    }
}
