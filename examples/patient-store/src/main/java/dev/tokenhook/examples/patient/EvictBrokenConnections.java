package dev.tokenhook.examples.patient;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Tells the pool to drop a connection whose database went away (restarted, killed), so lookups recover without
 * an application restart. HikariCP does that by itself only for SQLState class {@code 08}; H2 reports a closed
 * server as {@code 90121} or {@code 90067}, which are {@link SQLNonTransientConnectionException}s.
 */
public final class EvictBrokenConnections implements SQLExceptionOverride {

    /** Made by the pool from its class name, or by {@link PatientStores}. */
    public EvictBrokenConnections() {
    }

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
