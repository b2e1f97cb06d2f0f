package dev.tokenhook.micronaut;

import dev.tokenhook.core.TokenHookRequest;
import dev.tokenhook.core.patch.TokenPatch;
import dev.tokenhook.core.rule.ClaimRule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

/** Rule beans as an application declares them, ordered with {@code @Order}; only where a test asks. */
final class OrderedRules {

    static final String ENABLE = "test.ordered-rules";

    private OrderedRules() {
    }

    /** Declared second, runs first. */
    @Singleton
    @Order(1)
    @Requires(property = ENABLE)
    static class ZuluRule implements ClaimRule {
        @Override
        public void apply(TokenHookRequest request, TokenPatch patch) {
        }
    }

    /** Declared first, runs second. */
    @Singleton
    @Order(2)
    @Requires(property = ENABLE)
    static class AlphaRule implements ClaimRule {
        @Override
        public void apply(TokenHookRequest request, TokenPatch patch) {
        }
    }
}
