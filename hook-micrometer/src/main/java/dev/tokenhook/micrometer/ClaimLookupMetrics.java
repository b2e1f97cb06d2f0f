package dev.tokenhook.micrometer;

import dev.tokenhook.lookup.ClaimLookup;
import dev.tokenhook.lookup.LookupStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;

/**
 * A claim lookup's own statistics as meters, tagged {@code lookup} (its name). Needs {@code hook-lookup} on the
 * class path. hook-spring and hook-micronaut bind one for every {@code ClaimLookup} bean of the application
 * when it has a {@link MeterRegistry}; elsewhere call {@link #bindTo(MeterRegistry)}. Per-call outcomes come
 * from {@link TokenHookMetrics} ({@code tokenhook.lookups}).
 *
 * <ul>
 *   <li>{@code tokenhook.lookup.cache.size} (gauge): answers cached;</li>
 *   <li>{@code tokenhook.lookup.cache.requests} (function counter): {@code result} {@code hit} (answered from the
 *       cache, fresh or not) or {@code miss};</li>
 *   <li>{@code tokenhook.lookup.cache.evictions} (function counter): answers dropped for size or staleness;</li>
 *   <li>{@code tokenhook.lookup.source.calls} (function counter): calls made to the source;</li>
 *   <li>{@code tokenhook.lookup.source.running} (gauge): source calls running now; staying at
 *       {@code max-concurrent-calls} while lookups time out means calls that never return;</li>
 *   <li>{@code tokenhook.lookup.source.interrupted} (function counter): source calls interrupted at
 *       {@code interrupt-after}; any at all means a source without a timeout of its own;</li>
 *   <li>{@code tokenhook.lookup.circuit.state} (gauge): 1 for the current {@code state} (closed, open,
 *       half-open), 0 for the others.</li>
 * </ul>
 */
public final class ClaimLookupMetrics implements MeterBinder {

    private static final String CACHE_SIZE = "tokenhook.lookup.cache.size";

    private final ClaimLookup<?, ?> lookup;

    /** @param lookup the lookup to report */
    public ClaimLookupMetrics(ClaimLookup<?, ?> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * Registers the lookup's meters, once: binding a lookup whose meters the registry already has (the
     * adapters bind every {@code ClaimLookup} bean, the application may bind it too) registers nothing more.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        String name = lookup.name();
        if (registry.find(CACHE_SIZE).tag("lookup", name).meter() != null) {
            return;
        }
        Gauge.builder(CACHE_SIZE, lookup, l -> l.stats().size())
                .description("Answers cached by a claim lookup").tag("lookup", name).register(registry);
        FunctionCounter.builder("tokenhook.lookup.cache.requests", lookup, l -> l.stats().cacheHits())
                .description("Claim lookups answered from the cache").tags("lookup", name, "result", "hit")
                .register(registry);
        FunctionCounter.builder("tokenhook.lookup.cache.requests", lookup, l -> l.stats().cacheMisses())
                .description("Claim lookups answered from the cache").tags("lookup", name, "result", "miss")
                .register(registry);
        FunctionCounter.builder("tokenhook.lookup.cache.evictions", lookup, l -> l.stats().evictions())
                .description("Answers a claim lookup dropped for size or staleness").tag("lookup", name)
                .register(registry);
        FunctionCounter.builder("tokenhook.lookup.source.calls", lookup, l -> l.stats().sourceCalls())
                .description("Calls a claim lookup made to its source").tag("lookup", name).register(registry);
        Gauge.builder("tokenhook.lookup.source.running", lookup, l -> l.stats().sourceCallsRunning())
                .description("Calls of a claim lookup to its source running now").tag("lookup", name)
                .register(registry);
        FunctionCounter.builder("tokenhook.lookup.source.interrupted", lookup, l -> l.stats().sourceCallsInterrupted())
                .description("Calls of a claim lookup to its source interrupted at interrupt-after").tag("lookup", name)
                .register(registry);
        for (LookupStats.CircuitState state : LookupStats.CircuitState.values()) {
            Gauge.builder("tokenhook.lookup.circuit.state", lookup, l -> l.stats().circuit() == state ? 1 : 0)
                    .description("1 for the circuit breaker's current state").tags("lookup", name, "state",
                            state.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .register(registry);
        }
    }
}
