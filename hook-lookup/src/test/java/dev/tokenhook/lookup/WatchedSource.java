package dev.tokenhook.lookup;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a source and counts its calls, the calls in flight and the most ever in flight at once. */
final class WatchedSource<K, V> implements LookupSource<K, V> {

    private final LookupSource<K, V> source;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    WatchedSource(LookupSource<K, V> source) {
        this.source = source;
    }

    @Override
    public Optional<V> find(K key) throws Exception {
        calls.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return source.find(key);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    int calls() {
        return calls.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    int inFlight() {
        return inFlight.get();
    }
}
