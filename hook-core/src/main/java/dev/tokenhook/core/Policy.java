package dev.tokenhook.core;

/**
 * {@code data.context.policy}: the authorization-server access policy and rule that called the hook.
 *
 * @param id the policy id
 * @param ruleId the rule id ({@code policy.rule.id})
 */
public record Policy(String id, String ruleId) {

    /** A policy with nothing known. */
    public static final Policy EMPTY = new Policy(null, null);
}
