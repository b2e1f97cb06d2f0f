package dev.tokenhook.examples.patient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Factories for a pooled {@link PatientStore}: from a JDBC URL, or from configuration looked up by key
 * (environment, system properties, servlet init parameters: any {@code Function<String, String>}).
 *
 * <pre>{@code
 * try (PooledPatientStore patients = PatientStores.fromConfig(System::getProperty)) {
 *     ClaimRule rule = new PatientIdRule(patients.store());
 * }
 * }</pre>
 */
public final class PatientStores {

    /** Configuration key of the JDBC URL; unset means {@link #DEFAULT_JDBC_URL}. */
    public static final String JDBC_URL = "tokenhook.example.jdbc-url";
    /** Configuration key of the database user; unset means none. */
    public static final String JDBC_USER = "tokenhook.example.jdbc-user";
    /** Configuration key of the database password; unset means none. */
    public static final String JDBC_PASSWORD = "tokenhook.example.jdbc-password";

    /** The default: an in-memory H2 database that lives as long as the JVM. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:mem:patients;DB_CLOSE_DELAY=-1";
    /** Most connections the pool opens: hook calls are short lookups. */
    public static final int MAX_POOL_SIZE = 4;
    /** How long a lookup waits for a connection before it fails: a stalled database can't hang a hook. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private static final String POOL_NAME = "tokenhook-patients";

    private PatientStores() {
    }

    /**
     * Opens a small pool on the database; does not create or seed the table.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db/patients}; its driver must be on the class path
     * @param user the database user, or {@code null} for none
     * @param password the password, or {@code null} for none
     * @return the store, which owns the pool: close it
     * @throws RuntimeException from the pool if the database cannot be reached
     */
    public static PooledPatientStore pooled(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl must not be blank");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        config.setExceptionOverride(new EvictBrokenConnections());
        return new PooledPatientStore(new HikariDataSource(config));
    }

    /**
     * Opens the store that {@link #JDBC_URL}, {@link #JDBC_USER} and {@link #JDBC_PASSWORD} describe
     * (blank counts as unset) and runs {@link PatientSchema#createAndSeed(javax.sql.DataSource)}, so the
     * scenario works on the embedded default and on an empty database alike.
     *
     * @param config looks a key up; returns {@code null} when unset
     * @return the seeded store, which owns its pool: close it
     * @throws PatientStoreException if the table cannot be created or seeded
     */
    public static PooledPatientStore fromConfig(Function<String, String> config) {
        Objects.requireNonNull(config, "config");
        String url = value(config, JDBC_URL);
        PooledPatientStore store = pooled(url == null ? DEFAULT_JDBC_URL : url,
                value(config, JDBC_USER), value(config, JDBC_PASSWORD));
        try {
            PatientSchema.createAndSeed(store.dataSource());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static String value(Function<String, String> config, String key) {
        String value = config.apply(key);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
