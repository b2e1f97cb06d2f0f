package dev.tokenhook.lookup;

import java.util.Optional;

/**
 * The data source a {@link ClaimLookup} protects: a blocking lookup such as a JDBC query or an HTTP call.
 * Called on the lookup's own threads, never more of them at once than {@code max-concurrent-calls}.
 *
 * @param <K> the key, e.g. a login
 * @param <V> the value, e.g. a patient id
 */
@FunctionalInterface
public interface LookupSource<K, V> {

    /**
     * @param key the key
     * @return the value, or empty when there is none ("not found"); never null
     * @throws Exception when the source cannot answer: the lookup then serves its last known answer, or
     *     "unknown" (never "not found")
     */
    Optional<V> find(K key) throws Exception;
}
