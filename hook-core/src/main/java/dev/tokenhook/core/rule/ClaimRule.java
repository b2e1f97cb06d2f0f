package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.TokenPatch;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One piece of hook logic: reads the request, writes into its own patch. A rule may block (a database
 * lookup) and may throw; the engine isolates it from the other rules and from the time budget.
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
        return new NamedRule(name, rule);
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

    /** A rule with an explicit name. */
    record NamedRule(String name, ClaimRule delegate) implements ClaimRule {
        @Override
        public void apply(TokenHookRequest request, TokenPatch patch) throws Exception {
            delegate.apply(request, patch);
        }
    }
}
