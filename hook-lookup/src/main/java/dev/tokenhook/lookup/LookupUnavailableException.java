package dev.tokenhook.lookup;

/**
 * Thrown by {@link ClaimLookup#apply(Object)} when the answer is unknown and the lookup is set to
 * {@code on-unknown: fail-rule}: the rule fails, so {@code tokenhook.on-rule-failure} decides the answer.
 * The message names the lookup and the outcome, never the key.
 */
public final class LookupUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LookupOutcome outcome;

    /**
     * @param lookup the lookup's name
     * @param outcome why there is no answer
     */
    public LookupUnavailableException(String lookup, LookupOutcome outcome) {
        super("Lookup '" + lookup + "' has no answer: " + outcome.tag(), null, false, false);
        this.outcome = outcome;
    }

    /** @return why there is no answer */
    public LookupOutcome outcome() {
        return outcome;
    }
}
