package dev.tokenhook.core.rule;

/** How one rule fared on one request. */
public enum RuleStatus {
    /** Ran and its operations are in the answer. */
    APPLIED,
    /** Ran and wrote nothing. */
    NO_CHANGE,
    /** Ran and denied the token. */
    DENIED,
    /** Threw an exception. */
    FAILED,
    /** Wrote operations Okta would reject; see the violations. */
    REJECTED,
    /** Still running when the time budget ran out; interrupted. */
    TIMED_OUT,
    /** Never started: the budget was spent or the rule executor was saturated. */
    SKIPPED;

    /** @return whether this status triggers the {@link RuleFailurePolicy} */
    public boolean isFailure() {
        return this == FAILED || this == REJECTED || this == TIMED_OUT || this == SKIPPED;
    }
}
