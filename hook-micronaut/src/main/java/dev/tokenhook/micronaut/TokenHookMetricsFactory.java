package dev.tokenhook.micronaut;

import dev.tokenhook.micrometer.TokenHookMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Meters for the token hook when the application has micronaut-micrometer (a {@link MeterRegistry} bean)
 * and {@code dev.tokenhook:hook-micrometer}: a {@link TokenHookMetrics} bean, which the endpoint hears as a
 * {@link dev.tokenhook.core.http.HookListener}. It records {@code tokenhook.requests},
 * {@code tokenhook.rule.failures}, {@code tokenhook.rule.timeouts}, {@code tokenhook.rule.violations} and
 * {@code tokenhook.denials}, shown by the {@code /metrics} endpoint and every registry the application exports
 * to. Define your own {@link TokenHookMetrics} bean to replace it.
 */
@Factory
@Requires(classes = {MeterRegistry.class, TokenHookMetrics.class})
@Requires(property = TokenHookFactory.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
public class TokenHookMetricsFactory {

    /** Creates the factory; Micronaut does. */
    public TokenHookMetricsFactory() {
    }

    /**
     * @param registry the application's (composite) meter registry
     * @return the listener that records every call
     */
    @Singleton
    @Requires(beans = MeterRegistry.class)
    @Requires(missingBeans = TokenHookMetrics.class)
    public TokenHookMetrics tokenHookMetrics(MeterRegistry registry) {
        return new TokenHookMetrics(registry);
    }
}
