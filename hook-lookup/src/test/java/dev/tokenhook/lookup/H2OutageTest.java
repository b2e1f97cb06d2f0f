package dev.tokenhook.lookup;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The outage scenario on H2 served over TCP, as a separate database server would be, read through a pool: frozen
 * by a session that takes the database for itself ({@code SET EXCLUSIVE 1}: the pool's open sessions wait in every
 * statement), killed by stopping the TCP server, revived by starting it again on the same port.
 */
class H2OutageTest extends SourceOutageScenario {

    private static final String NAME = "outage" + ProcessHandle.current().pid();

    private Connection keepAlive;
    private Server server;
    private int port;
    private HikariDataSource pool;

    @BeforeEach
    void start() throws Exception {
        keepAlive = DriverManager.getConnection("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        revive();
    }

    @AfterEach
    void stop() throws SQLException {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.stop();
        }
        keepAlive.close();
    }

    @Override
    DataSource dataSource() {
        if (pool == null) {
            pool = Pools.small("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + NAME, null);
        }
        return pool;
    }

    @Override
    AutoCloseable freeze() throws SQLException {
        Connection holder = DriverManager.getConnection("jdbc:h2:mem:" + NAME);
        try (Statement statement = holder.createStatement()) {
            statement.execute("SET EXCLUSIVE 1");
        }
        return () -> {
            try (Statement statement = holder.createStatement()) {
                statement.execute("SET EXCLUSIVE 0");
            }
            holder.close();
        };
    }

    @Override
    void kill() {
        server.stop();
        server = null;
    }

    @Override
    void revive() throws SQLException {
        server = Server.createTcpServer("-tcpPort", Integer.toString(port)).start();
    }
}
