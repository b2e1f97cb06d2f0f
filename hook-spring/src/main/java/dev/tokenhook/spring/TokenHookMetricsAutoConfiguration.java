package dev.tokenhook.spring;

import dev.tokenhook.core.http.TokenHookEndpoint;
import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.micrometer.ClaimLookupMetrics;
import dev.tokenhook.micrometer.TokenHookMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters for the token hook when the application has Micrometer (Spring Boot Actuator brings it) and
 * {@code dev.tokenhook:hook-micrometer}: a {@link TokenHookMetrics} bean, which the endpoint hears as a
 * {@link dev.tokenhook.core.http.HookListener}. It records {@code tokenhook.requests},
 * {@code tokenhook.rule.failures}, {@code tokenhook.rule.timeouts}, {@code tokenhook.rule.violations},
 * {@code tokenhook.denials} and {@code tokenhook.lookups} in the application's {@link MeterRegistry}, and, with
 * {@code dev.tokenhook:hook-lookup}, each {@code ClaimLookup} bean's {@code tokenhook.lookup.*} meters; Boot's
 * {@code management.metrics.enable.tokenhook=false} turns them off. The same class works on Spring Boot
 * 3.5 and 4.0 (only the registry's auto-configuration moved, and it is named for both).
 */
@AutoConfiguration(after = TokenHookAutoConfiguration.class, afterName = {
        // Spring Boot 3.5
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        // Spring Boot 4.0
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "dev.tokenhook.micrometer.TokenHookMetrics"})
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry", value = TokenHookEndpoint.class)
public class TokenHookMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring does. */
    public TokenHookMetricsAutoConfiguration() {
    }

    /**
     * @param registry the application's meter registry
     * @return the listener that records every call
     */
    @Bean(TokenHookAutoConfiguration.BEAN_PREFIX + "metrics")
    @ConditionalOnMissingBean
    public TokenHookMetrics tokenHookMetrics(MeterRegistry registry) {
        return new TokenHookMetrics(registry);
    }

    /**
     * With {@code dev.tokenhook:hook-lookup} too: the cache and circuit meters of every {@link ClaimLookup} bean
     * ({@link ClaimLookupMetrics}), bound by Boot with the other {@link MeterBinder} beans. A lookup the
     * application binds itself is bound once.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"dev.tokenhook.lookup.ClaimLookup", "dev.tokenhook.micrometer.ClaimLookupMetrics"})
    static class LookupMetricsConfiguration {

        @Bean(TokenHookAutoConfiguration.BEAN_PREFIX + "lookupMetrics")
        MeterBinder tokenHookLookupMetrics(ObjectProvider<ClaimLookup<?, ?>> lookups) {
            return registry -> lookups.orderedStream().forEach(lookup -> new ClaimLookupMetrics(lookup).bindTo(registry));
        }
    }
}
