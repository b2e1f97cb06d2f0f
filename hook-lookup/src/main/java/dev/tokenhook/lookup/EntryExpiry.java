package dev.tokenhook.lookup;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Keeps an answer for the stale window counted from when it was read (a refresh that failed writes the same
 * answer back and must not extend it); a failed load expires at once.
 */
final class EntryExpiry<K, V> implements Expiry<K, Entry<V>> {

    private final long staleNanos;

    EntryExpiry(long staleNanos) {
        this.staleNanos = staleNanos;
    }

    @Override
    public long expireAfterCreate(K key, Entry<V> entry, long now) {
        return remaining(entry, now);
    }

    @Override
    public long expireAfterUpdate(K key, Entry<V> entry, long now, long currentDuration) {
        return remaining(entry, now);
    }

    @Override
    public long expireAfterRead(K key, Entry<V> entry, long now, long currentDuration) {
        return currentDuration;
    }

    private long remaining(Entry<V> entry, long now) {
        return entry.isFailed() ? 0 : Math.max(0, staleNanos - (now - entry.readAtNanos()));
    }
}
