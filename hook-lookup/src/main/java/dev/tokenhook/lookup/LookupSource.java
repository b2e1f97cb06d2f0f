package dev.tokenhook.lookup;

import java.util.Optional;

/**
 * The data source a {@link ClaimLookup} protects: a blocking lookup such as a JDBC query or an HTTP call.
 * Called on the lookup's own threads, never more of them at once than {@code max-concurrent-calls}.
 *
 * <p>Bound every call: the lookup stops waiting for a call at its wait limit, and interrupts a call still running
 * at {@code interrupt-after}, but cannot end a call that ignores interrupts (JDBC drivers do), so such a call
 * that never returns holds one of those threads until the application stops. With JDBC, set a query timeout and
 * a network timeout ({@link java.sql.Connection#setNetworkTimeout}); a query timeout alone does not end a read on
 * a connection that stopped answering. With HTTP, set the request's timeout.
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
