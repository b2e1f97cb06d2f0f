package dev.tokenhook.core.rule;

/**
 * What the answer becomes when a rule throws, writes something Okta would reject, or runs out of time.
 * Configured as {@code tokenhook.on-rule-failure}.
 */
public enum RuleFailurePolicy {
    /** Drop only that rule's operations; the other rules' changes are still sent. The default. */
    DROP_RULE,
    /** Deny the token: Okta fails the OAuth request with {@code server_error}. Fail closed. */
    DENY,
    /** Answer {@code {}}: the token is minted without any of the rules' changes. */
    NO_CHANGE
}
