package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A connection to PostgreSQL that stops answering for good (its packets dropped, as when the network fails or the
 * database fails over elsewhere, here a {@link FreezingProxy} that stops relaying), while new connections still
 * reach the server. Every pooled connection is open when it happens, as under load. The lookups that meet a frozen
 * connection must end and give it back to the pool, which drops it, so the patient lookup sees the database again
 * and no source thread or connection is lost for good (each one lost would be a lookup thread and a connection
 * fewer until a restart; all of them lost, and no lookup could reach the database). The query timeout cannot do
 * that (the driver cancels by asking the server, and the stuck read goes on waiting for an answer that never
 * comes); the store's network timeout does. Meanwhile the known patient keeps the last known id, served at once.
 */
class FrozenConnectionTest {

    private static final String ISAAC = "isaac.brock@example.com";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    @Test
    void aConnectionThatStopsAnsweringIsGivenUpAndTheLookupSeesTheDatabaseAgain() throws Exception {
        String direct = TestPostgres.freshDatabaseUrl();
        URI server = URI.create(direct.substring("jdbc:".length()));
        Map<String, String> settings = Map.of(
                // Past its freshness at once: every lookup refreshes, so the frozen connection is met for sure.
                "tokenhook.lookups.patients.fresh-for", "1ms",
                "tokenhook.lookups.patients.not-found-fresh-for", "1ms",
                "tokenhook.lookups.patients.wait-limit", "200ms");
        try (FreezingProxy proxy = new FreezingProxy(server.getHost(), server.getPort());
                PooledPatientStore pooled = PatientStores.pooled(
                        direct.replace(":" + server.getPort() + "/", ":" + proxy.port() + "/"), null, null);
                PatientLookup lookup = PatientLookup.of(pooled.store(), settings::get)) {
            PatientSchema.createAndSeed(pooled.dataSource());
            assertThat(lookup.apply(ISAAC)).contains("1234");
            openEveryConnection(pooled);

            proxy.freezeOpenConnections();
            int openedBefore = proxy.connectionsOpened();
            try (Connection admin = DriverManager.getConnection(direct);
                    Statement update = admin.createStatement()) {
                update.executeUpdate("UPDATE patients SET patient_id = '4321' WHERE login_key = '" + ISAAC + "'");
            }

            Optional<String> seen = lookup.apply(ISAAC);
            long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
            while (!seen.equals(Optional.of("4321")) && System.nanoTime() - giveUpAt < 0) {
                assertThat(seen).as("the last known id while the connection is frozen").contains("1234");
                Thread.sleep(100);
                long start = System.nanoTime();
                seen = lookup.apply(ISAAC);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a lookup never waits on the frozen connection")
                        .isLessThan(Duration.ofSeconds(1));
            }

            assertThat(seen).as("the database's current id, read through a new connection").contains("4321");
            assertThat(proxy.connectionsOpened()).isGreaterThan(openedBefore);
            HikariDataSource pool = pooled.dataSource().unwrap(HikariDataSource.class);
            while ((pool.getHikariPoolMXBean().getActiveConnections() > 0
                    || lookup.lookup().stats().sourceCallsRunning() > 0) && System.nanoTime() - giveUpAt < 0) {
                Thread.sleep(100);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                    .as("connections still held by a read on a frozen connection").isZero();
            assertThat(lookup.lookup().stats().sourceCallsRunning())
                    .as("lookup threads still in a read on a frozen connection").isZero();
        }
    }

    /** Opens the pool's every connection and gives them back, so that the freeze catches all of them. */
    private static void openEveryConnection(PooledPatientStore pooled) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < PatientStores.MAX_POOL_SIZE; i++) {
                Connection connection = pooled.dataSource().getConnection();
                connections.add(connection);
                try (Statement probe = connection.createStatement()) {
                    probe.execute("SELECT 1");
                }
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
