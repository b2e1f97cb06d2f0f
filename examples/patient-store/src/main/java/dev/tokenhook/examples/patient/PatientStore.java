package dev.tokenhook.examples.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Looks a patient id up by user login in the table {@code patients(login, login_key, patient_id)} (see
 * {@link PatientSchema}). Logins match ignoring case: the lookup compares {@link PatientSchema#loginKey(String)}
 * with the indexed column {@code login_key}, so it is one index probe, not a table scan. Works on any {@link DataSource}, so an app can hand
 * in its own pool; one prepared statement per lookup, portable SQL (H2, PostgreSQL), and a query timeout
 * so a stalled database cannot hold a hook call for long. Thread-safe.
 *
 * <p>Each lookup also bounds every read on its connection ({@link Connection#setNetworkTimeout}, one second
 * past the query timeout): a connection that stops answering for good (its packets dropped, its database
 * failed over elsewhere) is then given up and dropped by the pool, instead of holding the calling thread
 * forever. The query timeout alone cannot end that wait, since the driver cancels a query by asking the
 * server, and JDBC drivers do not answer interrupts. Drivers that implement it (PostgreSQL's, MySQL's,
 * MariaDB's, Oracle's, SQL Server's) time such a read out; H2 ignores it, so a connection to an H2 server that
 * stops answering is held until it answers again.
 */
public final class PatientStore {

    /** Query timeout unless another is given: well inside the hook's time budget. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Equality on the indexed key. No ORDER BY: it used to make the answer stable when a table held logins
     * that differed only in case; now the unique index on {@code login_key} forbids such rows, so at most
     * one row matches.
     */
    static final String SELECT_PATIENT_ID = "SELECT patient_id FROM patients WHERE login_key = ?";

    /** Runs the driver's network-timeout work where it asks for an executor (most only check it is there). */
    private static final Executor DRIVER_TIMEOUT_WORK = Runnable::run;

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;
    private final int networkTimeoutMillis;

    /**
     * @param dataSource where the {@code patients} table is
     */
    public PatientStore(DataSource dataSource) {
        this(dataSource, DEFAULT_QUERY_TIMEOUT);
    }

    /**
     * @param dataSource where the {@code patients} table is
     * @param queryTimeout how long one lookup may run, whole seconds (JDBC's granularity), at least 1 s
     */
    public PatientStore(DataSource dataSource, Duration queryTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (queryTimeout.getSeconds() < 1 || queryTimeout.getNano() != 0) {
            throw new IllegalArgumentException("queryTimeout must be whole seconds, at least 1 s, was " + queryTimeout);
        }
        this.queryTimeoutSeconds = Math.toIntExact(queryTimeout.getSeconds());
        this.networkTimeoutMillis = Math.toIntExact(queryTimeout.plusSeconds(1).toMillis());
    }

    /**
     * @param login a user's login, e.g. {@code isaac.brock@example.com}; compared ignoring case
     * @return the patient id, if the login belongs to a patient
     * @throws PatientStoreException if the database cannot be read
     */
    public Optional<String> patientIdFor(String login) {
        Objects.requireNonNull(login, "login");
        if (login.isBlank()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT_PATIENT_ID)) {
            boundReads(connection);
            select.setQueryTimeout(queryTimeoutSeconds);
            select.setMaxRows(1);
            select.setString(1, PatientSchema.loginKey(login));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PatientStoreException("Patient lookup failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void boundReads(Connection connection) throws SQLException {
        try {
            connection.setNetworkTimeout(DRIVER_TIMEOUT_WORK, networkTimeoutMillis);
        } catch (SQLFeatureNotSupportedException unsupported) {
            // This driver cannot bound a read; the query timeout is all there is.
        }
    }
}
