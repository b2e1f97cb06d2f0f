package dev.tokenhook.lookup;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A lookup's counters since it was built: its outcomes, the cache's own statistics and the circuit's state.
 *
 * @param outcomes how many lookups ended with each outcome (every outcome present)
 * @param cacheHits lookups answered from the cache (fresh, refreshed ahead or stale)
 * @param cacheMisses lookups that found no usable entry
 * @param evictions answers dropped for size or at the end of the stale window
 * @param size the current number of entries, approximate
 * @param sourceCalls calls made to the source
 * @param sourceCallsRunning source calls running now, at most {@code max-concurrent-calls}: calls that stay at
 *     that limit while lookups time out never return, and hold the lookup's threads (bound them: {@link LookupSource})
 * @param sourceCallsInterrupted source calls interrupted at {@code interrupt-after}: any at all means a source
 *     without a timeout of its own
 * @param circuit the circuit's current state
 */
public record LookupStats(Map<LookupOutcome, Long> outcomes, long cacheHits, long cacheMisses, long evictions,
        long size, long sourceCalls, int sourceCallsRunning, long sourceCallsInterrupted, CircuitState circuit) {

    /** Copies the map. */
    public LookupStats {
        outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
    }

    /**
     * @param outcome an outcome
     * @return how many lookups ended with it
     */
    public long count(LookupOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** The circuit breaker's state, as operators see it. */
    public enum CircuitState {
        /** The source is called. */
        CLOSED,
        /** The source is not called; lookups answer from the cache. */
        OPEN,
        /** A few trial calls decide whether the circuit closes again. */
        HALF_OPEN
    }
}
