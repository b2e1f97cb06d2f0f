package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the store's SQL on a real PostgreSQL. Opt-in: set {@code TOKENHOOK_TEST_POSTGRES_URL} (and
 * {@code TOKENHOOK_TEST_POSTGRES_USER}, {@code TOKENHOOK_TEST_POSTGRES_PASSWORD}) to a throwaway database;
 * the test drops and recreates its {@code patients} table.
 */
@EnabledIfEnvironmentVariable(named = "TOKENHOOK_TEST_POSTGRES_URL", matches = ".+")
class PostgresPortabilityTest {

    @Test
    void schemaSeedAndLookupsRunOnPostgres() throws SQLException {
        try (PooledPatientStore pooled = PatientStores.pooled(System.getenv("TOKENHOOK_TEST_POSTGRES_URL"),
                System.getenv("TOKENHOOK_TEST_POSTGRES_USER"), System.getenv("TOKENHOOK_TEST_POSTGRES_PASSWORD"))) {
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
        }
    }
}
