package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.patch.ResponseAssembler;
import dev.tokenhook.core.patch.TokenHookResponse;
import dev.tokenhook.core.patch.TokenPatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the rules' patches, in rule order, into one answer: validates each against the request and
 * the rules before it, applies the failure policy, and keeps the answer under Okta's size limit (debug
 * entries go first, then the last rules' operations; a denial always stays, see {@link ResponseAssembler}).
 */
final class RuleMerger {

    private final PatchValidator validator;
    private final RuleFailurePolicy failurePolicy;

    RuleMerger(PatchValidator validator, RuleFailurePolicy failurePolicy) {
        this.validator = validator;
        this.failurePolicy = failurePolicy;
    }

    /**
     * @param request the request being answered
     * @param runs the rules' runs, in rule order
     * @param outcomes each run's {@link RuleRun#outcome()}, taken once; each replaced, in place, by the
     *     rule's final outcome
     * @param duration time spent so far
     * @return the answer and each rule's final outcome
     */
    HookResult merge(TokenHookRequest request, RuleRun[] runs, RuleOutcome[] outcomes, Duration duration) {
        ResponseAssembler answer = new ResponseAssembler(validator, request);
        boolean failed = false;
        for (int i = 0; i < runs.length; i++) {
            RuleOutcome outcome = outcomes[i];
            // A rule that ran to completion reports NO_CHANGE until its patch is validated here.
            if (outcome.status() == RuleStatus.NO_CHANGE) {
                TokenPatch patch = runs[i].patch();
                List<PatchViolation> violations = answer.offer(patch);
                if (!violations.isEmpty()) {
                    outcome = withStatus(outcome, RuleStatus.REJECTED, 0, violations);
                } else if (patch.denial().isPresent()) {
                    outcome = withStatus(outcome, RuleStatus.DENIED, 0, List.of());
                } else {
                    int operations = patch.operations().size();
                    outcome = withStatus(outcome, operations == 0 ? RuleStatus.NO_CHANGE : RuleStatus.APPLIED,
                            operations, List.of());
                }
            }
            failed |= outcome.status().isFailure();
            outcomes[i] = outcome;
        }
        TokenHookResponse response;
        if (answer.isDenied()) {
            response = answer.build();
        } else if (failed && failurePolicy == RuleFailurePolicy.DENY) {
            response = failureDenial();
        } else if (failed && failurePolicy == RuleFailurePolicy.NO_CHANGE) {
            response = TokenHookResponse.noChange();
        } else {
            response = answer.build();
            if (rejectDroppedForSize(answer, runs, outcomes) && failurePolicy != RuleFailurePolicy.DROP_RULE) {
                response = failurePolicy == RuleFailurePolicy.DENY ? failureDenial() : TokenHookResponse.noChange();
            }
        }
        return new HookResult(response, List.of(outcomes), duration);
    }

    /** Marks the rules whose operations did not fit as rejected; @return whether there were any. */
    private static boolean rejectDroppedForSize(ResponseAssembler answer, RuleRun[] runs, RuleOutcome[] outcomes) {
        boolean any = false;
        for (int i = 0; i < runs.length; i++) {
            if (outcomes[i].status() != RuleStatus.APPLIED) {
                continue;
            }
            Optional<PatchViolation> tooLarge = answer.droppedForSize(runs[i].patch());
            if (tooLarge.isPresent()) {
                outcomes[i] = withStatus(outcomes[i], RuleStatus.REJECTED, 0, List.of(tooLarge.get()));
                any = true;
            }
        }
        return any;
    }

    private static TokenHookResponse failureDenial() {
        return TokenHookResponse.deny(HookError.of(TokenHook.FAILURE_DENIAL_SUMMARY), Map.of());
    }

    private static RuleOutcome withStatus(RuleOutcome outcome, RuleStatus status, int operations,
            List<PatchViolation> violations) {
        return new RuleOutcome(outcome.rule(), status, operations, violations, outcome.error(), outcome.duration(),
                outcome.notes());
    }
}
