package dev.tokenhook.lookup;

import java.util.Optional;

/**
 * What the cache holds for one key: the source's answer and when it was read, or, for a load that failed,
 * only why (such an entry expires at once: it only tells the callers waiting on that load).
 *
 * @param value the answer (empty: not found); null for a failed load
 * @param readAtNanos the ticker's time when the source answered
 * @param failure why the load failed, or null
 * @param refreshFailed whether the last refresh of this answer failed (so it is served stale, not refreshed ahead)
 * @param <V> the value type
 */
record Entry<V>(Optional<V> value, long readAtNanos, LookupOutcome failure, boolean refreshFailed) {

    static <V> Entry<V> read(Optional<V> value, long nowNanos) {
        return new Entry<>(value, nowNanos, null, false);
    }

    static <V> Entry<V> failed(LookupOutcome why) {
        return new Entry<>(null, 0, why, false);
    }

    boolean isFailed() {
        return failure != null;
    }

    Entry<V> withRefreshFailed() {
        return refreshFailed ? this : new Entry<>(value, readAtNanos, null, true);
    }
}
