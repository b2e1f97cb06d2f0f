package dev.tokenhook.core.lookup;

import java.util.Locale;

/**
 * What a rule gets from a lookup whose answer is unknown: no value, and the data source failing, too slow
 * or cut off by its circuit breaker. Unknown is never reported as "not found".
 */
public enum OnUnknown {
    /** The lookup gives no value, so the rule leaves its claim out; the token is minted without it. */
    OMIT_CLAIM,
    /**
     * The lookup throws, so the rule fails and {@code tokenhook.on-rule-failure} decides the answer (e.g.
     * {@code deny} refuses the token rather than minting it without the claim).
     */
    FAIL_RULE;

    /** @return the spelling in configuration, e.g. {@code omit-claim} */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
