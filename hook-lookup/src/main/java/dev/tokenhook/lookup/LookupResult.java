package dev.tokenhook.lookup;

import dev.tokenhook.core.rule.RuleNote.Answer;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of one lookup, and how it was reached. "Unknown" (no answer: the source failing) is never
 * reported as "not found".
 *
 * @param answer found, not found, stale (a last known answer served while the source fails) or unknown
 * @param value the value: present when found, and when stale if the last known answer was a value
 * @param outcome how the lookup went
 * @param <V> the value type
 */
public record LookupResult<V>(Answer answer, Optional<V> value, LookupOutcome outcome) {

    /** Checks that the parts agree. */
    public LookupResult {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(outcome, "outcome");
        if (answer == Answer.FOUND && value.isEmpty()) {
            throw new IllegalArgumentException("A found answer needs a value");
        }
        if ((answer == Answer.NOT_FOUND || answer == Answer.UNKNOWN) && value.isPresent()) {
            throw new IllegalArgumentException("A " + answer.tag() + " answer cannot have a value");
        }
    }

    /** @return whether the source's answer is unknown: no value, and not "not found" either */
    public boolean isUnknown() {
        return answer == Answer.UNKNOWN;
    }
}
