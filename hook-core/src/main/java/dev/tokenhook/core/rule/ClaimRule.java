package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.TokenPatch;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One piece of hook logic: reads the request, writes into its own patch. A rule may block (a database
 * lookup) and may throw; the engine isolates it from the other rules and from the time budget. A rule
 * that never blocks may say so ({@link NonBlocking}, {@link #nonBlocking(String, ClaimRule)}) and is then
 * run on the calling thread, without a hand-off to a rule thread.
 *
 * <pre>{@code
 * ClaimRule patientId = ClaimRule.named("patient-id", (request, patch) ->
 *         request.userLogin().flatMap(store::patientIdFor)
 *                 .ifPresent(id -> patch.idToken().add("extPatientId", id)))
 *     .when(Conditions.userPresent().and(Conditions.mintsIdToken()));
 * }</pre>
 */
@FunctionalInterface
public interface ClaimRule {

    /**
     * @param request the request, immutable
     * @param patch this rule's own patch, to write into
     * @throws Exception anything; the engine applies the failure policy and logs the exception's class
     */
    void apply(TokenHookRequest request, TokenPatch patch) throws Exception;

    /** @return the name used in logs, metrics and results; defaults to the class's simple name */
    default String name() {
        String simple = getClass().getSimpleName();
        int lambda = simple.indexOf("$$Lambda");
        return lambda > 0 ? simple.substring(0, lambda) : simple;
    }

    /**
     * @param name the name for logs, metrics and results
     * @param rule the logic
     * @return the rule under that name
     */
    static ClaimRule named(String name, ClaimRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A rule name must not be blank");
        }
        return rule instanceof NonBlocking ? nonBlocking(name, rule) : new RuleWithName(name, rule);
    }

    /**
     * Declares a rule {@link NonBlocking}: it runs on the thread that calls the engine.
     *
     * <pre>{@code
     * ClaimRule region = ClaimRule.nonBlocking("region", (request, patch) ->
     *         patch.accessToken().add("region", request.groups().contains("eu") ? "eu" : "us"));
     * }</pre>
     *
     * @param name the name for logs, metrics and results
     * @param rule the logic: no I/O, no locks, no waiting
     * @return the rule under that name, declared non-blocking
     */
    static NonBlocking nonBlocking(String name, ClaimRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A rule name must not be blank");
        }
        return new RuleWithName.NonBlockingRule(name, rule);
    }

    /**
     * A rule that never blocks: no I/O (no database, no HTTP call), no locks, no waiting, and done in
     * microseconds, e.g. a claim computed from the request alone or from an in-memory map. The engine runs
     * such a rule on the calling thread instead of handing it to a rule thread, which saves the hand-off
     * (a queue and two thread wake-ups per rule and call). The price: the engine cannot cut it at the time
     * budget. If it finishes after the deadline its changes are dropped ({@link RuleStatus#TIMED_OUT}), but
     * the answer is as late as the rule was; rules that may block must not implement this interface.
     */
    interface NonBlocking extends ClaimRule {

        /**
         * @param condition when to run
         * @return a non-blocking rule that runs this one only when the condition holds, under the same name
         */
        @Override
        default NonBlocking when(Predicate<? super TokenHookRequest> condition) {
            Objects.requireNonNull(condition, "condition");
            NonBlocking self = this;
            return nonBlocking(name(), (request, patch) -> {
                if (condition.test(request)) {
                    self.apply(request, patch);
                }
            });
        }
    }

    /**
     * @param condition when to run
     * @return a rule that runs this one only when the condition holds, under the same name
     */
    default ClaimRule when(Predicate<? super TokenHookRequest> condition) {
        Objects.requireNonNull(condition, "condition");
        ClaimRule self = this;
        return named(name(), (request, patch) -> {
            if (condition.test(request)) {
                self.apply(request, patch);
            }
        });
    }
}
