package dev.tokenhook.micronaut;

import dev.tokenhook.core.config.TokenHookSettings;
import dev.tokenhook.core.http.HookHealth;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.HealthIndicator;
import jakarta.inject.Singleton;

/**
 * The {@link HookHealth} tracker behind {@link TokenHookHealthIndicator}, from {@code tokenhook.health.*}, when
 * the application has micronaut-management. The endpoint hears it as a
 * {@link dev.tokenhook.core.http.HookListener}. Define your own {@link HookHealth} bean to replace it.
 */
@Factory
@Requires(classes = HealthIndicator.class)
@Requires(property = TokenHookFactory.ENABLED, notEquals = "false")
@Requires(property = TokenHookHealthIndicator.ENABLED, notEquals = "false")
public class TokenHookHealthFactory {

    /** Creates the factory; Micronaut does. */
    public TokenHookHealthFactory() {
    }

    /**
     * @param settings every {@code tokenhook.*} value
     * @return the tracker of recent failures, from {@code tokenhook.health.*}
     */
    @Singleton
    @Requires(missingBeans = HookHealth.class)
    public HookHealth tokenHookHealth(TokenHookSettings settings) {
        return HookHealth.from(settings);
    }
}
