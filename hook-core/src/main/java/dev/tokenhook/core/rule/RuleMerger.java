package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.HookError;
import dev.tokenhook.core.patch.PatchOperation;
import dev.tokenhook.core.patch.PatchValidator;
import dev.tokenhook.core.patch.PatchViolation;
import dev.tokenhook.core.patch.TokenHookResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the rules' patches, in rule order, into one answer: validates each against the request and
 * the rules before it, applies the failure policy, and keeps the answer under Okta's size limit.
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
        List<PatchOperation> accepted = new ArrayList<>();
        Map<String, Object> debug = new LinkedHashMap<>();
        HookError denial = null;
        boolean failed = false;
        for (int i = 0; i < runs.length; i++) {
            RuleRun run = runs[i];
            RuleOutcome outcome = outcomes[i];
            // A rule that ran to completion reports NO_CHANGE until its patch is validated here.
            if (outcome.status() == RuleStatus.NO_CHANGE) {
                List<PatchOperation> ops = run.patch().operations();
                List<PatchViolation> violations = validator.validate(request, ops, accepted);
                if (!violations.isEmpty()) {
                    outcome = withStatus(outcome, RuleStatus.REJECTED, 0, violations);
                } else {
                    accepted.addAll(ops);
                    debug.putAll(run.patch().debugContext());
                    Optional<HookError> ruleDenial = run.patch().denial();
                    if (ruleDenial.isPresent() && denial == null) {
                        denial = ruleDenial.get();
                    }
                    RuleStatus status = ruleDenial.isPresent() ? RuleStatus.DENIED
                            : ops.isEmpty() ? RuleStatus.NO_CHANGE : RuleStatus.APPLIED;
                    outcome = withStatus(outcome, status, ops.size(), List.of());
                }
            }
            failed |= outcome.status().isFailure();
            outcomes[i] = outcome;
        }
        TokenHookResponse response;
        if (denial != null) {
            response = TokenHookResponse.deny(denial, debug);
        } else if (failed && failurePolicy == RuleFailurePolicy.DENY) {
            response = failureDenial();
        } else if (failed && failurePolicy == RuleFailurePolicy.NO_CHANGE) {
            response = TokenHookResponse.noChange();
        } else {
            response = fitToSize(accepted, debug, runs, outcomes);
        }
        return new HookResult(response, List.of(outcomes), duration);
    }

    /** Drops the last contributing rules until the answer is under Okta's 256 KB limit. */
    private TokenHookResponse fitToSize(List<PatchOperation> accepted, Map<String, Object> debug,
            RuleRun[] runs, RuleOutcome[] outcomes) {
        TokenHookResponse response = TokenHookResponse.of(accepted, debug);
        for (int i = runs.length - 1; i >= 0; i--) {
            Optional<PatchViolation> tooLarge = PatchValidator.checkSize(response.toJson().length);
            if (tooLarge.isEmpty()) {
                return response;
            }
            RuleOutcome outcome = outcomes[i];
            if (outcome.status() != RuleStatus.APPLIED) {
                continue;
            }
            accepted.removeAll(runs[i].patch().operations());
            runs[i].patch().debugContext().keySet().forEach(debug::remove);
            outcomes[i] = withStatus(outcome, RuleStatus.REJECTED, 0, List.of(tooLarge.get()));
            if (failurePolicy != RuleFailurePolicy.DROP_RULE) {
                return failurePolicy == RuleFailurePolicy.DENY ? failureDenial() : TokenHookResponse.noChange();
            }
            response = TokenHookResponse.of(accepted, debug);
        }
        return PatchValidator.checkSize(response.toJson().length).isEmpty() ? response : TokenHookResponse.noChange();
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
