package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the store's SQL on a real PostgreSQL server ({@link TestPostgres}), each test in a fresh database.
 */
class PostgresPortabilityTest {

    @Test
    void schemaSeedAndLookupsRunOnPostgres() throws SQLException {
        try (PooledPatientStore pooled = PatientStores.pooled(TestPostgres.freshDatabaseUrl(), null, null)) {
            try (Connection connection = pooled.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS patients");
            }

            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isEqualTo(3);
            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isZero();
            assertThat(PatientSchema.insertIfAbsent(pooled.dataSource(), Map.of("ISAAC.BROCK@EXAMPLE.COM", "0000")))
                    .isZero();
            assertThat(PatientSchemaTest.rows(pooled.dataSource())).containsExactlyEntriesOf(PatientSchema.SEED_PATIENTS);

            PatientStore store = pooled.store();
            PatientSchema.SEED_PATIENTS.forEach((login, id) -> assertThat(store.patientIdFor(login)).contains(id));
            assertThat(store.patientIdFor("Jane.Roe@Example.COM")).contains("5678");
            assertThat(store.patientIdFor("john.doe@example.com")).isEmpty();
            assertThat(lookupPlan(pooled)).contains("Index Scan using patients_login_key");
        }
    }

    @Test
    void aTableFromBeforeTheLoginKeyIsMigratedOnPostgres() throws SQLException {
        try (PooledPatientStore pooled = PatientStores.pooled(TestPostgres.freshDatabaseUrl(), null, null)) {
            try (Connection connection = pooled.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS patients");
                statement.execute("CREATE TABLE patients (login VARCHAR(320) PRIMARY KEY, patient_id VARCHAR(64) NOT NULL)");
                statement.execute("INSERT INTO patients (login, patient_id) VALUES ('Jane.Roe@Example.com', '7777')");
            }

            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isEqualTo(2);
            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isZero();

            assertThat(pooled.store().patientIdFor("JANE.ROE@example.com")).contains("7777");
            assertThat(lookupPlan(pooled)).contains("Index Scan using patients_login_key");
        }
    }

    /** With sequential scans off, so that even a three-row table shows whether the index can serve the lookup. */
    private static String lookupPlan(PooledPatientStore pooled) throws SQLException {
        try (Connection connection = pooled.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + PatientStore.SELECT_PATIENT_ID)) {
                    explain.setString(1, "isaac.brock@example.com");
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
