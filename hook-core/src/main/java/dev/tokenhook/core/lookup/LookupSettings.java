package dev.tokenhook.core.lookup;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one claim lookup caches and protects its data source. Immutable; validated when made. The
 * {@code hook-lookup} module's {@code ClaimLookup} reads it. The defaults are here; the keys below are in
 * {@link dev.tokenhook.core.config.TokenHookKeys#LOOKUPS} and read by
 * {@link dev.tokenhook.core.config.LookupConfig#read(String, dev.tokenhook.core.config.ConfigSource)}.
 *
 * <table>
 * <caption>Keys, {@code tokenhook.lookups.<name>.} followed by</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code fresh-for}</td><td>{@code 5m}</td><td>how long a found value is served without asking the source;
 *     after it, the value is still served at once and refreshed in the background</td></tr>
 * <tr><td>{@code not-found-fresh-for}</td><td>{@code 1m}</td><td>the same for "not found"</td></tr>
 * <tr><td>{@code wait-limit}</td><td>{@code 1s}</td><td>how long a rule waits for the source on a miss; then it
 *     gets the last known value, or "unknown"</td></tr>
 * <tr><td>{@code stale-for}</td><td>{@code 24h}</td><td>how long a last known answer is kept for when the source
 *     fails (stale-if-error), counted from when it was read</td></tr>
 * <tr><td>{@code max-size}</td><td>{@code 10000}</td><td>the most keys cached</td></tr>
 * <tr><td>{@code max-concurrent-calls}</td><td>{@code 4}</td><td>the most calls to the source at once</td></tr>
 * <tr><td>{@code interrupt-after}</td><td>{@code 10s}</td><td>a source call still running after this long has its
 *     thread interrupted, which frees it when the source answers interrupts; at least {@code wait-limit}</td></tr>
 * <tr><td>{@code circuit.failure-rate}</td><td>{@code 50}</td><td>percentage of failed or too slow source
 *     calls, among the last {@code circuit.minimum-calls}, that opens the circuit</td></tr>
 * <tr><td>{@code circuit.minimum-calls}</td><td>{@code 10}</td><td>source calls seen before the circuit may
 *     open</td></tr>
 * <tr><td>{@code circuit.open-for}</td><td>{@code 10s}</td><td>how long an open circuit keeps the source
 *     uncalled; lookups answer from the cache at once meanwhile</td></tr>
 * <tr><td>{@code on-unknown}</td><td>{@code omit-claim}</td><td>{@code omit-claim} or {@code fail-rule} (see
 *     {@link OnUnknown})</td></tr>
 * </table>
 *
 * <p>Durations are written as elsewhere in {@code tokenhook.*}: {@code 500ms}, {@code 2s}, {@code 5m},
 * ISO-8601 {@code PT24H}, or bare milliseconds.
 *
 * @param freshFor how long a found value is fresh
 * @param notFoundFreshFor how long "not found" is fresh
 * @param waitLimit how long one lookup waits for the source
 * @param staleFor how long a last known answer is kept, from when it was read; at least both freshness times
 * @param maxSize the most keys cached
 * @param maxConcurrentCalls the most calls to the source at once
 * @param interruptAfter how long a source call runs before its thread is interrupted; at least the wait limit
 * @param circuitFailureRate percentage (1..100) of failed calls that opens the circuit
 * @param circuitMinimumCalls calls seen before the circuit may open, also the window the rate is taken over
 * @param circuitOpenFor how long the circuit stays open before trying the source again
 * @param onUnknown what a rule gets when the answer is unknown
 */
public record LookupSettings(
        Duration freshFor,
        Duration notFoundFreshFor,
        Duration waitLimit,
        Duration staleFor,
        long maxSize,
        int maxConcurrentCalls,
        Duration interruptAfter,
        int circuitFailureRate,
        int circuitMinimumCalls,
        Duration circuitOpenFor,
        OnUnknown onUnknown) {

    /** Default freshness of a found value. */
    public static final Duration DEFAULT_FRESH_FOR = Duration.ofMinutes(5);
    /** Default freshness of "not found". */
    public static final Duration DEFAULT_NOT_FOUND_FRESH_FOR = Duration.ofMinutes(1);
    /** Default wait limit: well inside the default 2.5 s time budget. */
    public static final Duration DEFAULT_WAIT_LIMIT = Duration.ofSeconds(1);
    /** Default stale-if-error window. */
    public static final Duration DEFAULT_STALE_FOR = Duration.ofHours(24);
    /** Default cache size. */
    public static final int DEFAULT_MAX_SIZE = 10_000;
    /** Default limit of concurrent source calls. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 4;
    /** Default time after which a source call still running is interrupted: far past any useful answer. */
    public static final Duration DEFAULT_INTERRUPT_AFTER = Duration.ofSeconds(10);
    /** Default failure percentage that opens the circuit. */
    public static final int DEFAULT_CIRCUIT_FAILURE_RATE = 50;
    /** Default calls before the circuit may open. */
    public static final int DEFAULT_CIRCUIT_MINIMUM_CALLS = 10;
    /** Default cool-off of an open circuit. */
    public static final Duration DEFAULT_CIRCUIT_OPEN_FOR = Duration.ofSeconds(10);
    /** The longest wait limit: under Okta's 3 s timeout (keep it well under {@code tokenhook.time-budget}). */
    public static final Duration MAX_WAIT_LIMIT = Duration.ofMillis(2900);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Validates every setting. */
    public LookupSettings {
        positive("fresh-for", freshFor);
        positive("not-found-fresh-for", notFoundFreshFor);
        positive("wait-limit", waitLimit);
        positive("stale-for", staleFor);
        positive("interrupt-after", interruptAfter);
        positive("circuit.open-for", circuitOpenFor);
        Objects.requireNonNull(onUnknown, "onUnknown");
        if (waitLimit.compareTo(MAX_WAIT_LIMIT) > 0) {
            throw new IllegalArgumentException("wait-limit must be under Okta's 3 s timeout (at most "
                    + MAX_WAIT_LIMIT.toMillis() + "ms), was " + waitLimit.toMillis() + "ms");
        }
        if (interruptAfter.compareTo(waitLimit) < 0) {
            throw new IllegalArgumentException("interrupt-after must be at least wait-limit, was "
                    + interruptAfter.toMillis() + "ms");
        }
        if (staleFor.compareTo(freshFor) < 0 || staleFor.compareTo(notFoundFreshFor) < 0) {
            throw new IllegalArgumentException("stale-for must be at least fresh-for and not-found-fresh-for, was "
                    + staleFor);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("max-size must be at least 1, was " + maxSize);
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("max-concurrent-calls must be at least 1, was " + maxConcurrentCalls);
        }
        if (circuitFailureRate < 1 || circuitFailureRate > 100) {
            throw new IllegalArgumentException("circuit.failure-rate must be a percentage from 1 to 100, was "
                    + circuitFailureRate);
        }
        if (circuitMinimumCalls < 1) {
            throw new IllegalArgumentException("circuit.minimum-calls must be at least 1, was " + circuitMinimumCalls);
        }
    }

    /** @return every default */
    public static LookupSettings defaults() {
        return new LookupSettings(DEFAULT_FRESH_FOR, DEFAULT_NOT_FOUND_FRESH_FOR, DEFAULT_WAIT_LIMIT, DEFAULT_STALE_FOR,
                DEFAULT_MAX_SIZE, DEFAULT_MAX_CONCURRENT_CALLS, DEFAULT_INTERRUPT_AFTER, DEFAULT_CIRCUIT_FAILURE_RATE,
                DEFAULT_CIRCUIT_MINIMUM_CALLS, DEFAULT_CIRCUIT_OPEN_FOR, OnUnknown.OMIT_CLAIM);
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param name a lookup name
     * @return the name, checked: it becomes part of keys, log lines and metric tags
     * @throws IllegalArgumentException if it is not 1 to 63 lower-case letters, digits or {@code -}
     */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A lookup name must be 1 to 63 lower-case letters, digits or '-',"
                    + " starting with a letter or digit");
        }
        return name;
    }

    private static void positive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be more than 0, was " + value);
        }
    }

    /** Changes some settings of a {@link LookupSettings}; {@link #build()} validates them all. */
    public static final class Builder {
        private Duration freshFor;
        private Duration notFoundFreshFor;
        private Duration waitLimit;
        private Duration staleFor;
        private long maxSize;
        private int maxConcurrentCalls;
        private Duration interruptAfter;
        private int circuitFailureRate;
        private int circuitMinimumCalls;
        private Duration circuitOpenFor;
        private OnUnknown onUnknown;

        private Builder(LookupSettings from) {
            freshFor = from.freshFor;
            notFoundFreshFor = from.notFoundFreshFor;
            waitLimit = from.waitLimit;
            staleFor = from.staleFor;
            maxSize = from.maxSize;
            maxConcurrentCalls = from.maxConcurrentCalls;
            interruptAfter = from.interruptAfter;
            circuitFailureRate = from.circuitFailureRate;
            circuitMinimumCalls = from.circuitMinimumCalls;
            circuitOpenFor = from.circuitOpenFor;
            onUnknown = from.onUnknown;
        }

        /** @param value how long a found value is fresh @return this builder */
        public Builder freshFor(Duration value) {
            freshFor = value;
            return this;
        }

        /** @param value how long "not found" is fresh @return this builder */
        public Builder notFoundFreshFor(Duration value) {
            notFoundFreshFor = value;
            return this;
        }

        /** @param value how long one lookup waits for the source @return this builder */
        public Builder waitLimit(Duration value) {
            waitLimit = value;
            return this;
        }

        /** @param value how long a last known answer is kept @return this builder */
        public Builder staleFor(Duration value) {
            staleFor = value;
            return this;
        }

        /** @param value the most keys cached @return this builder */
        public Builder maxSize(long value) {
            maxSize = value;
            return this;
        }

        /** @param value the most calls to the source at once @return this builder */
        public Builder maxConcurrentCalls(int value) {
            maxConcurrentCalls = value;
            return this;
        }

        /** @param value how long a source call runs before its thread is interrupted @return this builder */
        public Builder interruptAfter(Duration value) {
            interruptAfter = value;
            return this;
        }

        /** @param value percentage of failed calls that opens the circuit @return this builder */
        public Builder circuitFailureRate(int value) {
            circuitFailureRate = value;
            return this;
        }

        /** @param value calls seen before the circuit may open @return this builder */
        public Builder circuitMinimumCalls(int value) {
            circuitMinimumCalls = value;
            return this;
        }

        /** @param value how long the circuit stays open @return this builder */
        public Builder circuitOpenFor(Duration value) {
            circuitOpenFor = value;
            return this;
        }

        /** @param value what a rule gets when the answer is unknown @return this builder */
        public Builder onUnknown(OnUnknown value) {
            onUnknown = value;
            return this;
        }

        /** @return the settings, validated */
        public LookupSettings build() {
            return new LookupSettings(freshFor, notFoundFreshFor, waitLimit, staleFor, maxSize, maxConcurrentCalls,
                    interruptAfter, circuitFailureRate, circuitMinimumCalls, circuitOpenFor, onUnknown);
        }
    }
}
