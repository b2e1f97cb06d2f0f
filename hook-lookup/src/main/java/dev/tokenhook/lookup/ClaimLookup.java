package dev.tokenhook.lookup;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.tokenhook.core.lookup.LookupSettings;
import dev.tokenhook.core.lookup.OnUnknown;
import dev.tokenhook.core.rule.RuleNote;
import dev.tokenhook.core.rule.RuleNote.Answer;
import dev.tokenhook.core.rule.RuleNotes;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A claim lookup that survives a slow or failing data source. Wraps a blocking {@link LookupSource} and is
 * called from a rule like the function it wraps:
 *
 * <pre>{@code
 * ClaimLookup<String, String> patients = ClaimLookup.builder("patients", store::patientIdFor)
 *         .settings(LookupConfig.fromProperties("patients", System::getProperty))
 *         .build();
 * ClaimRule rule = (request, patch) -> request.userLogin().flatMap(patients)
 *         .ifPresent(id -> patch.idToken().add("extPatientId", id));
 * }</pre>
 *
 * <ul>
 *   <li>Found and not-found answers are cached ({@code max-size} keys), fresh for {@code fresh-for} and
 *       {@code not-found-fresh-for}; past that an answer is served at once and refreshed in the background.</li>
 *   <li>Concurrent misses of one key make one source call; a miss waits at most {@code wait-limit}, then the
 *       rule gets "unknown" while the call may still finish and fill the cache.</li>
 *   <li>When the source fails, the last known answer is served for {@code stale-for} after it was read.</li>
 *   <li>At most {@code max-concurrent-calls} source calls run at once; one still running at {@code interrupt-after}
 *       has its thread interrupted. After repeated failures or slow calls the
 *       circuit opens: the source is not called for {@code circuit.open-for} and lookups answer from the cache
 *       at once.</li>
 *   <li>"Unknown" is never "not found": {@link #apply(Object)} gives empty or, with {@link OnUnknown#FAIL_RULE},
 *       throws {@link LookupUnavailableException} so {@code tokenhook.on-rule-failure} applies.</li>
 *   <li>Every lookup made while a rule runs is noted into the call's {@code HookEvent} as a {@link RuleNote}
 *       ({@code patients:hit:found}); keys and values are never logged.</li>
 * </ul>
 *
 * Thread-safe. Close it to stop its threads (the source's, and the one that interrupts calls past
 * {@code interrupt-after}).
 *
 * @param <K> the key, e.g. a login
 * @param <V> the value, e.g. a patient id
 */
public final class ClaimLookup<K, V> implements Function<K, Optional<V>>, AutoCloseable {

    private static final Logger LOG = System.getLogger("dev.tokenhook.lookup");

    private final String name;
    private final LookupSettings settings;
    private final Ticker ticker;
    private final CircuitBreaker breaker;
    private final SourceCalls<K, V> sourceCalls;
    private final AsyncLoadingCache<K, Entry<V>> cache;
    private final long freshNanos;
    private final long notFoundFreshNanos;
    private final long waitLimitNanos;
    private final Map<LookupOutcome, LongAdder> counts = new EnumMap<>(LookupOutcome.class);
    /** Every note this lookup can write, made once: a lookup is on the hot path of every call. */
    private final RuleNote[][] notes = new RuleNote[LookupOutcome.values().length][Answer.values().length];
    /** Keys being refreshed now: at most one background call per key. */
    private final Map<K, CompletableFuture<Void>> refreshing = new ConcurrentHashMap<>();
    private final LongAdder evictions = new LongAdder();

    private ClaimLookup(Builder<K, V> builder) {
        this.name = builder.name;
        this.settings = builder.settings;
        Clock clock = builder.clock;
        this.ticker = clock == null ? Ticker.systemTicker() : () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.freshNanos = settings.freshFor().toNanos();
        this.notFoundFreshNanos = settings.notFoundFreshFor().toNanos();
        this.waitLimitNanos = settings.waitLimit().toNanos();
        CircuitBreakerConfig.Builder circuit = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.circuitMinimumCalls())
                .minimumNumberOfCalls(settings.circuitMinimumCalls())
                .failureRateThreshold(settings.circuitFailureRate())
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(Math.min(settings.circuitMinimumCalls(), 2))
                .recordExceptions(Throwable.class);
        if (clock != null) {
            circuit.clock(clock);
        }
        this.breaker = CircuitBreaker.of("tokenhook-lookup-" + name, circuit.build());
        breaker.getEventPublisher().onStateTransition(event -> logTransition(event.getStateTransition().getToState()));
        this.sourceCalls = new SourceCalls<>(name, builder.source, breaker, ticker, waitLimitNanos,
                settings.interruptAfter().toNanos(), settings.maxConcurrentCalls());
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(new EntryExpiry<K, V>(settings.staleFor().toNanos()))
                .ticker(ticker)
                // The cache's own upkeep (draining its read and write buffers, expiring, evicting) runs on the
                // calling thread, a few entries at a time under a lock nobody waits for, instead of on the
                // common pool: there it woke a pool thread every few hits (measured: benchmarks/README.md,
                // round 4). Source calls never run here: SourceCalls has its own bounded pool.
                .executor(Runnable::run)
                .evictionListener((K key, Entry<V> entry, RemovalCause cause) -> {
                    if (entry != null && !entry.isFailed()) {
                        evictions.increment();
                    }
                })
                .buildAsync(sourceCalls);
        for (LookupOutcome outcome : LookupOutcome.values()) {
            counts.put(outcome, new LongAdder());
            for (Answer answer : Answer.values()) {
                notes[outcome.ordinal()][answer.ordinal()] = new RuleNote(name, outcome.tag(), answer);
            }
        }
    }

    /**
     * @param name the lookup's name in keys ({@code tokenhook.lookups.<name>.*}), logs and metrics, e.g.
     *     {@code patients}: lower-case letters, digits and {@code -}
     * @param source the blocking lookup to protect
     * @param <K> the key type
     * @param <V> the value type
     * @return a builder with {@link LookupSettings#defaults()}
     */
    public static <K, V> Builder<K, V> builder(String name, LookupSource<K, V> source) {
        return new Builder<>(LookupSettings.requireName(name), Objects.requireNonNull(source, "source"));
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the settings in force */
    public LookupSettings settings() {
        return settings;
    }

    /**
     * Looks the key up, for a rule: the value, or empty when not found or, by default, when unknown.
     *
     * @param key the key
     * @return the value, current or (while the source fails) last known
     * @throws LookupUnavailableException when the answer is unknown and {@code on-unknown} is {@code fail-rule}
     */
    @Override
    public Optional<V> apply(K key) {
        LookupResult<V> result = lookup(key);
        if (result.isUnknown() && settings.onUnknown() == OnUnknown.FAIL_RULE) {
            throw new LookupUnavailableException(name, result.outcome());
        }
        return result.value();
    }

    /**
     * Looks the key up and says how: never waits longer than the wait limit, never throws for the source.
     * Notes the outcome into the current call's event when a rule is running on this thread.
     *
     * @param key the key
     * @return the answer (found, not found, stale or unknown) and how it was reached
     */
    public LookupResult<V> lookup(K key) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<Entry<V>> cached = cache.getIfPresent(key);
        if (cached == null || !cached.isDone()) {
            return finish(awaitLoad(cached == null ? cache.get(key) : cached), LookupOutcome.MISS);
        }
        Entry<V> entry = cached.getNow(null);
        if (entry == null || entry.isFailed()) {
            return finish(entry, LookupOutcome.MISS);
        }
        long age = ticker.read() - entry.readAtNanos();
        if (age <= (entry.value().isPresent() ? freshNanos : notFoundFreshNanos)) {
            return result(current(entry), entry.value(), LookupOutcome.HIT);
        }
        boolean failing = entry.refreshFailed() || breaker.getState() != CircuitBreaker.State.CLOSED;
        refreshInBackground(key);
        return failing ? result(Answer.STALE, entry.value(), LookupOutcome.STALE_SERVED)
                : result(current(entry), entry.value(), LookupOutcome.REFRESHED);
    }

    /** Starts one refresh of the key, unless one is already running. */
    private void refreshInBackground(K key) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (refreshing.putIfAbsent(key, mine) != null) {
            return;
        }
        try {
            cache.synchronous().refresh(key).whenComplete((entry, error) -> refreshing.remove(key, mine));
        } catch (RuntimeException e) {
            refreshing.remove(key, mine);
            throw e;
        }
    }

    private Entry<V> awaitLoad(CompletableFuture<Entry<V>> pending) {
        try {
            return pending.get(waitLimitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Entry.failed(LookupOutcome.TIMED_OUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Entry.failed(LookupOutcome.TIMED_OUT);
        } catch (ExecutionException e) {
            return Entry.failed(SourceCalls.outcomeOf(e.getCause()));
        }
    }

    private LookupResult<V> finish(Entry<V> loaded, LookupOutcome onSuccess) {
        if (loaded == null) {
            return result(Answer.UNKNOWN, Optional.empty(), LookupOutcome.SOURCE_FAILED);
        }
        if (loaded.isFailed()) {
            return result(Answer.UNKNOWN, Optional.empty(), loaded.failure());
        }
        return result(current(loaded), loaded.value(), onSuccess);
    }

    private static Answer current(Entry<?> entry) {
        return entry.value().isPresent() ? Answer.FOUND : Answer.NOT_FOUND;
    }

    private LookupResult<V> result(Answer answer, Optional<V> value, LookupOutcome outcome) {
        counts.get(outcome).increment();
        RuleNotes.record(notes[outcome.ordinal()][answer.ordinal()]);
        return new LookupResult<>(answer, value, outcome);
    }

    /**
     * Drops the cached answer for a key, for an application that knows it changed: the next lookup asks the
     * source. A last known answer is then no longer available if the source fails.
     *
     * @param key the key
     */
    public void invalidate(K key) {
        cache.synchronous().invalidate(Objects.requireNonNull(key, "key"));
    }

    /** Drops every cached answer. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    /** @return the counters since this lookup was built */
    public LookupStats stats() {
        Map<LookupOutcome, Long> outcomes = new EnumMap<>(LookupOutcome.class);
        counts.forEach((outcome, count) -> outcomes.put(outcome, count.sum()));
        long hits = outcomes.get(LookupOutcome.HIT) + outcomes.get(LookupOutcome.REFRESHED)
                + outcomes.get(LookupOutcome.STALE_SERVED);
        long all = outcomes.values().stream().mapToLong(Long::longValue).sum();
        cache.synchronous().cleanUp(); // drops failed loads and answers past the stale window from the size
        return new LookupStats(outcomes, hits, all - hits, evictions.sum(), cache.synchronous().estimatedSize(),
                sourceCalls.calls(), sourceCalls.running(), sourceCalls.interrupted(), circuitState());
    }

    private LookupStats.CircuitState circuitState() {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> LookupStats.CircuitState.CLOSED;
            case HALF_OPEN -> LookupStats.CircuitState.HALF_OPEN;
            default -> LookupStats.CircuitState.OPEN;
        };
    }

    private void logTransition(CircuitBreaker.State to) {
        switch (to) {
            case OPEN, FORCED_OPEN -> LOG.log(Level.WARNING, "tokenhook lookup=" + name + " circuit=open: the source"
                    + " failed or was slower than " + settings.waitLimit().toMillis() + "ms on at least "
                    + settings.circuitFailureRate() + "% of recent calls; answering from the cache without calling it"
                    + " for " + settings.circuitOpenFor().toMillis() + "ms");
            case HALF_OPEN -> LOG.log(Level.INFO, "tokenhook lookup=" + name + " circuit=half-open: trying the source");
            case CLOSED -> LOG.log(Level.INFO, "tokenhook lookup=" + name + " circuit=closed: the source answers again");
            default -> {
            }
        }
    }

    /** Stops the source threads (interrupting calls in flight) and empties the cache. */
    @Override
    public void close() {
        sourceCalls.close();
        cache.synchronous().invalidateAll();
    }

    @Override
    public String toString() {
        return "ClaimLookup[" + name + "]";
    }

    /**
     * Configures a {@link ClaimLookup}.
     *
     * @param <K> the key type
     * @param <V> the value type
     */
    public static final class Builder<K, V> {
        private final String name;
        private final LookupSource<K, V> source;
        private LookupSettings settings = LookupSettings.defaults();
        private Clock clock;

        private Builder(String name, LookupSource<K, V> source) {
            this.name = name;
            this.source = source;
        }

        /**
         * @param settings freshness, wait limit, stale window, sizes and circuit breaker; default
         *     {@link LookupSettings#defaults()}
         * @return this builder
         */
        public Builder<K, V> settings(LookupSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * @param clock what freshness, the stale window and the circuit's cool-off are measured with (tests move
         *     it by hand); default the system's monotonic time. The wait limit is always real time.
         * @return this builder
         */
        public Builder<K, V> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the lookup; it owns its source threads: close it */
        public ClaimLookup<K, V> build() {
            return new ClaimLookup<>(this);
        }
    }
}
