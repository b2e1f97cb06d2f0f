package dev.tokenhook.core.rule;

import dev.tokenhook.core.patch.TokenHookResponse;
import java.time.Duration;
import java.util.List;

/**
 * The engine's answer to one request: the response to send and how each rule fared.
 *
 * @param response what goes back to Okta
 * @param rules one outcome per rule, in rule order
 * @param duration time spent in the engine
 */
public record HookResult(TokenHookResponse response, List<RuleOutcome> rules, Duration duration) {

    /** Copies the list. */
    public HookResult {
        rules = List.copyOf(rules);
    }

    /**
     * @param status a rule status
     * @return how many rules ended with it
     */
    public long count(RuleStatus status) {
        return rules.stream().filter(r -> r.status() == status).count();
    }

    /** @return whether any rule failed, was rejected, timed out or was skipped */
    public boolean hasFailures() {
        return rules.stream().anyMatch(r -> r.status().isFailure());
    }
}
