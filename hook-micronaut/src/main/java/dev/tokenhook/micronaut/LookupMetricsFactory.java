package dev.tokenhook.micronaut;

import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.micrometer.ClaimLookupMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The cache and circuit meters of every {@link ClaimLookup} bean of the application ({@link ClaimLookupMetrics}),
 * when it has micronaut-micrometer (a {@link MeterRegistry} bean), {@code dev.tokenhook:hook-micrometer} and
 * {@code dev.tokenhook:hook-lookup}: a {@link MeterBinder} bean, which micronaut-micrometer binds to its
 * registry. A lookup the application binds itself is bound once.
 */
@Factory
@Requires(classes = {MeterRegistry.class, ClaimLookupMetrics.class, ClaimLookup.class})
@Requires(property = TokenHookFactory.ENABLED, pattern = TokenHookFactory.NOT_FALSE, defaultValue = "true")
public class LookupMetricsFactory {

    /** Creates the factory; Micronaut does. */
    public LookupMetricsFactory() {
    }

    /**
     * @param beans the application's beans, asked for every {@code ClaimLookup} (of any key and value types) when
     *     the registry binds the meters
     * @return the binder of their meters
     */
    @Singleton
    @Named("tokenHookLookupMetrics")
    @Requires(beans = MeterRegistry.class)
    public MeterBinder tokenHookLookupMetrics(BeanLocator beans) {
        return registry -> beans.getBeansOfType(ClaimLookup.class)
                .forEach(lookup -> new ClaimLookupMetrics(lookup).bindTo(registry));
    }
}
