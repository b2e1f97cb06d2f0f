package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientStoresTest {

    @Test
    void closingClosesThePool() {
        PooledPatientStore pooled = TestDatabases.freshSeededStore();
        assertThat(pooled.store().patientIdFor("jane.roe@example.com")).contains("5678");

        pooled.close();

        assertThat(pooled.isClosed()).isTrue();
        assertThat(pooled).hasToString("PooledPatientStore[tokenhook-patients, closed]");
        assertThatThrownBy(() -> pooled.dataSource().getConnection()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> pooled.store().patientIdFor("jane.roe@example.com"))
                .isInstanceOf(PatientStoreException.class);
    }

    @Test
    void defaultsToTheSeededInMemoryH2() {
        try (PooledPatientStore pooled = PatientStores.fromConfig(key -> null)) {
            assertThat(pooled.store().patientIdFor("isaac.brock@example.com")).contains("1234");
        }
    }

    @Test
    void readsTheConfiguredUrlUserAndPassword() throws SQLException {
        String url = TestDatabases.freshH2Url();
        Map<String, String> config = new HashMap<>();
        config.put(PatientStores.JDBC_URL, "  " + url + "  ");
        config.put(PatientStores.JDBC_USER, "hook");
        config.put(PatientStores.JDBC_PASSWORD, "s3cret");

        try (PooledPatientStore pooled = PatientStores.fromConfig(config::get)) {
            assertThat(pooled.store().patientIdFor("maria.garcia@example.com")).contains("9012");
            HikariDataSource pool = (HikariDataSource) pooled.dataSource();
            assertThat(pool.getJdbcUrl()).isEqualTo(url);
            assertThat(pool.getUsername()).isEqualTo("hook");
            assertThat(pool.getPassword()).isEqualTo("s3cret");
            assertThat(currentUser(pooled)).isEqualToIgnoringCase("hook");
        }
    }

    @Test
    void theDefaultPoolIsSmallAndFailsFast() {
        try (PooledPatientStore pooled = PatientStores.pooled(TestDatabases.freshH2Url(), null, null)) {
            HikariDataSource pool = (HikariDataSource) pooled.dataSource();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(PatientStores.MAX_POOL_SIZE).isLessThanOrEqualTo(4);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2000);
            assertThat(pool.getPoolName()).isEqualTo("tokenhook-patients");
        }
    }

    private static String currentUser(PooledPatientStore pooled) throws SQLException {
        try (Connection connection = pooled.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT CURRENT_USER")) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void blankValuesCountAsUnset() {
        Map<String, String> config = Map.of(
                PatientStores.JDBC_URL, " ", PatientStores.JDBC_USER, "", PatientStores.JDBC_PASSWORD, "");
        try (PooledPatientStore pooled = PatientStores.fromConfig(config::get)) {
            assertThat(pooled.store().patientIdFor("jane.roe@example.com")).contains("5678");
        }
    }

    @Test
    void configKeysAreTheDocumentedOnes() {
        assertThat(PatientStores.JDBC_URL).isEqualTo("tokenhook.example.jdbc-url");
        assertThat(PatientStores.JDBC_USER).isEqualTo("tokenhook.example.jdbc-user");
        assertThat(PatientStores.JDBC_PASSWORD).isEqualTo("tokenhook.example.jdbc-password");
        assertThat(PatientStores.DEFAULT_JDBC_URL).isEqualTo("jdbc:h2:mem:patients;DB_CLOSE_DELAY=-1");
    }

    @Test
    void aBlankUrlIsRefused() {
        assertThatThrownBy(() -> PatientStores.pooled(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
