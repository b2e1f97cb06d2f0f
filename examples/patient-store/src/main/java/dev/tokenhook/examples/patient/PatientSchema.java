package dev.tokenhook.examples.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates the {@code patients} table and inserts the scenario's seed rows. Both steps are idempotent
 * and portable (H2, PostgreSQL): {@code CREATE TABLE IF NOT EXISTS}, and an insert that only happens
 * when no row has the same login ignoring case. An app whose database already has the table can skip
 * this class.
 */
public final class PatientSchema {

    /** The seed rows: login to patient id. */
    public static final Map<String, String> SEED_PATIENTS = seedPatients();

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS patients ("
            + "login VARCHAR(320) PRIMARY KEY, "
            + "patient_id VARCHAR(64) NOT NULL)";

    /** No MERGE or ON CONFLICT: INSERT ... SELECT ... WHERE NOT EXISTS runs the same on H2 and PostgreSQL. */
    static final String INSERT_IF_ABSENT = "INSERT INTO patients (login, patient_id) "
            + "SELECT CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(64)) "
            + "WHERE NOT EXISTS (SELECT 1 FROM patients WHERE lower(login) = lower(?))";

    /** SQLState class of integrity-constraint violations: another process inserted the row first. */
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private PatientSchema() {
    }

    private static Map<String, String> seedPatients() {
        Map<String, String> seed = new LinkedHashMap<>();
        seed.put("isaac.brock@example.com", "1234");
        seed.put("jane.roe@example.com", "5678");
        seed.put("maria.garcia@example.com", "9012");
        return Collections.unmodifiableMap(seed);
    }

    /**
     * Creates the table if it is missing and inserts the {@linkplain #SEED_PATIENTS seed rows} that are
     * absent. Safe to run at every start.
     *
     * @param dataSource the database
     * @return how many rows were inserted (0 when all were there)
     * @throws PatientStoreException if the database refuses
     */
    public static int createAndSeed(DataSource dataSource) {
        createTable(dataSource);
        return insertIfAbsent(dataSource, SEED_PATIENTS);
    }

    /**
     * @param dataSource the database
     * @throws PatientStoreException if the table cannot be created
     */
    public static void createTable(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        } catch (SQLException e) {
            throw new PatientStoreException("Creating the patients table failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Inserts each patient whose login (ignoring case) is not in the table yet. Each row commits on its
     * own, so a row inserted at the same moment by another instance is simply skipped.
     *
     * @param dataSource the database, with the table
     * @param patients login to patient id
     * @return how many rows were inserted
     * @throws PatientStoreException if the database refuses
     */
    public static int insertIfAbsent(DataSource dataSource, Map<String, String> patients) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(patients, "patients");
        int inserted = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            connection.setAutoCommit(true);
            for (Map.Entry<String, String> patient : patients.entrySet()) {
                insert.setString(1, patient.getKey());
                insert.setString(2, patient.getValue());
                insert.setString(3, patient.getKey());
                try {
                    inserted += insert.executeUpdate();
                } catch (SQLException e) {
                    if (!isIntegrityViolation(e)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new PatientStoreException("Seeding the patients table failed (SQLState " + e.getSQLState() + ")", e);
        }
        return inserted;
    }

    private static boolean isIntegrityViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith(INTEGRITY_CONSTRAINT_VIOLATION);
    }
}
