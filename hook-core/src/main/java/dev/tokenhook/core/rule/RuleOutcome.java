package dev.tokenhook.core.rule;

import dev.tokenhook.core.patch.PatchViolation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one rule on one request.
 *
 * @param rule the rule's name
 * @param status how it fared
 * @param operations how many operations it contributed to the answer
 * @param violations why its operations were rejected, if they were
 * @param error what it threw, if it did (its message may hold data: log only its class)
 * @param duration how long it ran (up to the budget for a rule that timed out)
 * @param notes what the rule noted through {@link RuleNotes} (e.g. how its lookups went), in order
 */
public record RuleOutcome(
        String rule,
        RuleStatus status,
        int operations,
        List<PatchViolation> violations,
        Optional<Throwable> error,
        Duration duration,
        List<RuleNote> notes) {

    /** Copies the lists. */
    public RuleOutcome {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }

    /**
     * An outcome without notes.
     *
     * @param rule the rule's name
     * @param status how it fared
     * @param operations how many operations it contributed to the answer
     * @param violations why its operations were rejected, if they were
     * @param error what it threw, if it did
     * @param duration how long it ran
     */
    public RuleOutcome(String rule, RuleStatus status, int operations, List<PatchViolation> violations,
            Optional<Throwable> error, Duration duration) {
        this(rule, status, operations, violations, error, duration, List.of());
    }

    /** @return a short reason for logs: the exception class or the violation kinds, never data */
    public String reason() {
        if (error.isPresent()) {
            return error.get().getClass().getName();
        }
        if (!violations.isEmpty()) {
            return violations.stream().map(v -> v.kind() + " " + v.token().label() + " " + v.path())
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
