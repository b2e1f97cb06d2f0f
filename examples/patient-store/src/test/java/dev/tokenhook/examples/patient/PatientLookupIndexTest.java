package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The login lookup is an index probe on H2 (issue #10): {@code EXPLAIN} names the {@code login_key} index
 * and the condition it is searched with. Before, {@code lower(login) = lower(?)} walked every row.
 */
class PatientLookupIndexTest {

    /** H2 writes the index it reads as {@code /* PUBLIC.INDEX_NAME: CONDITION *}{@code /}; no condition means a full scan. */
    private static final Pattern INDEX_CONDITION = Pattern.compile("/\\* PUBLIC\\.(\\w+): ([^*]+) \\*/");

    /** The lookup before issue #10, only to show that the plan check tells a scan from a probe. */
    private static final String FORMER_LOOKUP =
            "SELECT patient_id FROM patients WHERE lower(login) = lower(?) ORDER BY login";

    @Test
    void theLookupIsAnIndexProbeOnTheLoginKey() throws SQLException {
        try (PooledPatientStore pooled = TestDatabases.freshSeededStore()) {
            String plan = explain(pooled.dataSource(), PatientStore.SELECT_PATIENT_ID, 1);

            assertThat(plan).doesNotContainIgnoringCase("tableScan");
            assertThat(indexConditions(plan)).containsExactly("PATIENTS_LOGIN_KEY: LOGIN_KEY = ?1");
        }
    }

    @Test
    void theInsertGuardIsAnIndexProbeToo() throws SQLException {
        try (PooledPatientStore pooled = TestDatabases.freshSeededStore()) {
            String plan = explain(pooled.dataSource(), PatientSchema.INSERT_IF_ABSENT, 4);

            assertThat(plan).doesNotContainIgnoringCase("tableScan");
            assertThat(indexConditions(plan)).containsExactly("PATIENTS_LOGIN_KEY: LOGIN_KEY = ?4");
        }
    }

    @Test
    void theFormerLookupScannedEveryRow() throws SQLException {
        try (PooledPatientStore pooled = TestDatabases.freshSeededStore()) {
            String plan = explain(pooled.dataSource(), FORMER_LOOKUP, 1);

            assertThat(indexConditions(plan)).as(plan).isEmpty();
        }
    }

    @Test
    void loginsStillMatchIgnoringCase() {
        try (PooledPatientStore pooled = TestDatabases.freshSeededStore()) {
            PatientSchema.insertIfAbsent(pooled.dataSource(), Map.of("Élodie.Durand@Example.COM", "4321"));

            for (String login : List.of("Élodie.Durand@Example.COM", "élodie.durand@example.com",
                    "ÉLODIE.DURAND@EXAMPLE.COM", "éLODIE.durand@example.com")) {
                assertThat(pooled.store().patientIdFor(login)).as(login).contains("4321");
            }
            assertThat(pooled.store().patientIdFor("elodie.durand@example.com")).isEmpty();
            assertThat(PatientSchema.insertIfAbsent(pooled.dataSource(), Map.of("ÉLODIE.DURAND@EXAMPLE.COM", "0000")))
                    .as("the insert guard compares keys too").isZero();
            assertThat(pooled.store().patientIdFor("élodie.durand@example.com")).contains("4321");
        }
    }

    @Test
    void keysDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try (PooledPatientStore pooled = TestDatabases.freshSeededStore()) {
            // In Turkish, "I".toLowerCase() is a dotless ı: a key made with the default locale would miss.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(PatientSchema.loginKey("ISAAC.BROCK@EXAMPLE.COM")).isEqualTo("isaac.brock@example.com");
            assertThat(pooled.store().patientIdFor("ISAAC.BROCK@EXAMPLE.COM")).contains("1234");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aTableFromBeforeTheKeyIsMigrated() throws SQLException {
        try (PooledPatientStore pooled = PatientStores.pooled(TestDatabases.freshH2Url(), "sa", "")) {
            execute(pooled.dataSource(), "CREATE TABLE patients (login VARCHAR(320) PRIMARY KEY, patient_id VARCHAR(64) NOT NULL)",
                    "INSERT INTO patients (login, patient_id) VALUES ('Jane.Roe@Example.com', '7777')");

            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isEqualTo(2);
            assertThat(PatientSchema.createAndSeed(pooled.dataSource())).isZero();

            assertThat(PatientSchemaTest.rows(pooled.dataSource())).hasSize(3).containsEntry("Jane.Roe@Example.com", "7777");
            assertThat(pooled.store().patientIdFor("JANE.ROE@example.com")).contains("7777");
            assertThat(indexConditions(explain(pooled.dataSource(), PatientStore.SELECT_PATIENT_ID, 1)))
                    .containsExactly("PATIENTS_LOGIN_KEY: LOGIN_KEY = ?1");
        }
    }

    @Test
    void aTableWithLoginsDifferingOnlyInCaseIsRefusedNotGuessedAt() {
        try (PooledPatientStore pooled = PatientStores.pooled(TestDatabases.freshH2Url(), "sa", "")) {
            execute(pooled.dataSource(), "CREATE TABLE patients (login VARCHAR(320) PRIMARY KEY, patient_id VARCHAR(64) NOT NULL)",
                    "INSERT INTO patients (login, patient_id) VALUES ('jane.roe@example.com', '5678')",
                    "INSERT INTO patients (login, patient_id) VALUES ('Jane.Roe@Example.com', '7777')");

            assertThatThrownBy(() -> PatientSchema.createTable(pooled.dataSource()))
                    .isInstanceOf(PatientStoreException.class)
                    .hasMessageStartingWith("Creating the patients table failed (SQLState 23")
                    .hasMessageNotContainingAny("jane", "Jane");
        }
    }

    private static List<String> indexConditions(String plan) {
        Matcher matcher = INDEX_CONDITION.matcher(plan);
        return matcher.results().map(found -> found.group(1) + ": " + found.group(2)).toList();
    }

    private static String explain(DataSource dataSource, String sql, int parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 1; i <= parameters; i++) {
                explain.setString(i, "isaac.brock@example.com");
            }
            try (ResultSet plan = explain.executeQuery()) {
                assertThat(plan.next()).isTrue();
                return plan.getString(1);
            }
        }
    }

    private static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
