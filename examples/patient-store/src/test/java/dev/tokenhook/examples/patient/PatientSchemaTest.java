package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PatientSchemaTest {

    @Test
    void createAndSeedIsIdempotent() throws SQLException {
        try (PooledPatientStore pooled = PatientStores.pooled(TestDatabases.freshH2Url(), "sa", "")) {
            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isEqualTo(3);
            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isZero();

            assertThat(rows(pooled.dataSource())).containsExactlyEntriesOf(PatientSchema.SEED_PATIENTS);
        }
    }

    @Test
    void seedingSkipsLoginsPresentInAnotherCase() throws SQLException {
        try (PooledPatientStore pooled = PatientStores.pooled(TestDatabases.freshH2Url(), "sa", "")) {
            PatientSchema.createTable(pooled.dataSource());
            PatientSchema.insertIfAbsent(pooled.dataSource(), Map.of("Jane.Roe@Example.com", "7777"));

            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isEqualTo(2);

            assertThat(rows(pooled.dataSource())).hasSize(3).containsEntry("Jane.Roe@Example.com", "7777");
            assertThat(pooled.store().patientIdFor("jane.roe@example.com")).contains("7777");
        }
    }

    @Test
    void seedRowsAreTheScenarios() {
        assertThat(PatientSchema.SEED_PATIENTS).containsExactly(
                Map.entry("isaac.brock@example.com", "1234"),
                Map.entry("jane.roe@example.com", "5678"),
                Map.entry("maria.garcia@example.com", "9012"));
    }

    static Map<String, String> rows(DataSource dataSource) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT login, patient_id FROM patients ORDER BY patient_id")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }
}
