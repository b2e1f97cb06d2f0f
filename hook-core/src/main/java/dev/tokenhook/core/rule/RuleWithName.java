package dev.tokenhook.core.rule;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.TokenPatch;

/** A rule under an explicit name: what {@link ClaimRule#named} returns. */
class RuleWithName implements ClaimRule {

    private final String name;
    private final ClaimRule rule;

    RuleWithName(String name, ClaimRule rule) {
        this.name = name;
        this.rule = rule;
    }

    @Override
    public void apply(TokenHookRequest request, TokenPatch patch) throws Exception {
        rule.apply(request, patch);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ClaimRule[" + name + "]";
    }

    /** The same, declared non-blocking: what {@link ClaimRule#nonBlocking} returns. */
    static final class NonBlockingRule extends RuleWithName implements ClaimRule.NonBlocking {

        NonBlockingRule(String name, ClaimRule rule) {
            super(name, rule);
        }

        @Override
        public String toString() {
            return "NonBlocking[" + name() + "]";
        }
    }
}
