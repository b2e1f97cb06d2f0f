package dev.tokenhook.examples.patient;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A {@link PatientStore} with the connection pool it owns; closing it closes the pool. Made by
 * {@link PatientStores}.
 */
public final class PooledPatientStore implements AutoCloseable {

    private final HikariDataSource pool;
    private final PatientStore store;

    PooledPatientStore(HikariDataSource pool) {
        this.pool = pool;
        this.store = new PatientStore(pool);
    }

    /** @return the store, backed by the pool */
    public PatientStore store() {
        return store;
    }

    /** @return the pool, e.g. for {@link PatientSchema#createAndSeed(DataSource)} */
    public DataSource dataSource() {
        return pool;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return pool.isClosed();
    }

    /** Closes the pool and its connections; lookups fail afterwards. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PooledPatientStore[" + pool.getPoolName() + (pool.isClosed() ? ", closed]" : "]");
    }
}
