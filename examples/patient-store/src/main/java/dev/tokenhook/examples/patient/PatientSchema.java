package dev.tokenhook.examples.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates the {@code patients} table and inserts the scenario's seed rows. Both steps are idempotent
 * and portable (H2, PostgreSQL): {@code CREATE TABLE IF NOT EXISTS}, {@code CREATE UNIQUE INDEX IF NOT
 * EXISTS}, and an insert that only happens when no row has the same login ignoring case. An app whose
 * database already has the table can skip this class.
 *
 * <p>Safe when several instances start at the same moment against one empty database: PostgreSQL's
 * {@code IF NOT EXISTS} checks before it creates, so two concurrent creators can both pass the check and the
 * second then fails on a catalog unique index ({@code 23505}) or with "already exists" ({@code 42P07},
 * {@code 42710}); H2 may fail a query that runs while another session changes the table with a general error.
 * {@link #createTable(DataSource)} then runs its steps again: by then the objects exist and
 * {@code IF NOT EXISTS} makes them no-ops.
 *
 * <p>Logins match ignoring case through the column {@code login_key}: the login lower-cased in Java
 * ({@link #loginKey(String)}), with the unique index {@code patients_login_key}, so a lookup is one
 * index probe by equality instead of a scan applying {@code lower(login)} to every row. A table made by
 * an earlier version (no {@code login_key}) gets the column, its values and the index at the next
 * {@link #createTable(DataSource)}.
 */
public final class PatientSchema {

    /** The seed rows: login to patient id. */
    public static final Map<String, String> SEED_PATIENTS = seedPatients();

    /** The name of the unique index on {@code login_key}, which every lookup uses. */
    public static final String LOGIN_KEY_INDEX = "patients_login_key";

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS patients ("
            + "login VARCHAR(320) PRIMARY KEY, "
            + "login_key VARCHAR(320) NOT NULL, "
            + "patient_id VARCHAR(64) NOT NULL)";

    /** For a table made before {@code login_key} existed; a no-op otherwise. */
    static final String ADD_LOGIN_KEY = "ALTER TABLE patients ADD COLUMN IF NOT EXISTS login_key VARCHAR(320)";

    static final String ROWS_WITHOUT_KEY = "SELECT login FROM patients WHERE login_key IS NULL";

    static final String SET_LOGIN_KEY = "UPDATE patients SET login_key = ? WHERE login = ?";

    /** Unique: two logins that differ only in case cannot both be patients, so a lookup finds at most one row. */
    static final String CREATE_LOGIN_KEY_INDEX =
            "CREATE UNIQUE INDEX IF NOT EXISTS " + LOGIN_KEY_INDEX + " ON patients (login_key)";

    /** No MERGE or ON CONFLICT: INSERT ... SELECT ... WHERE NOT EXISTS runs the same on H2 and PostgreSQL. */
    static final String INSERT_IF_ABSENT = "INSERT INTO patients (login, login_key, patient_id) "
            + "SELECT CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(64)) "
            + "WHERE NOT EXISTS (SELECT 1 FROM patients WHERE login_key = ?)";

    /** Tries of the DDL steps: a step that lost a creation race succeeds on the next; a third failure is real. */
    private static final int DDL_ATTEMPTS = 3;

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
     * The value of {@code login_key} for a login, and what a lookup compares: the login lower-cased with
     * {@link Locale#ROOT}, the same on every machine whatever its default locale. An app that fills the
     * table itself must store this.
     *
     * @param login a login, any case
     * @return its key
     */
    public static String loginKey(String login) {
        return login.toLowerCase(Locale.ROOT);
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
     * Creates the table and its {@code login_key} index if they are missing; on a table made by an earlier
     * version, adds {@code login_key} and fills it first.
     *
     * @param dataSource the database
     * @throws PatientStoreException if the table cannot be created, e.g. when an earlier table holds two
     *     logins that differ only in case (the unique index refuses them: merge them first)
     */
    public static void createTable(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        for (int attempt = 1; ; attempt++) {
            try {
                createTableOnce(dataSource);
                return;
            } catch (SQLException e) {
                if (attempt >= DDL_ATTEMPTS) {
                    throw new PatientStoreException("Creating the patients table failed (SQLState " + e.getSQLState()
                            + ")", e);
                }
                pause(attempt);
            }
        }
    }

    private static void createTableOnce(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(CREATE_TABLE);
            statement.execute(ADD_LOGIN_KEY);
            fillMissingLoginKeys(connection);
            statement.execute(CREATE_LOGIN_KEY_INDEX);
        }
    }

    /** A short, growing pause: the other instance finishes its statement meanwhile. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatientStoreException("Interrupted while creating the patients table", e);
        }
    }

    /** Rows of a table made before {@code login_key}: keyed in Java, exactly as new rows are. */
    private static void fillMissingLoginKeys(Connection connection) throws SQLException {
        List<String> logins = new ArrayList<>();
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(ROWS_WITHOUT_KEY)) {
            while (rows.next()) {
                logins.add(rows.getString(1));
            }
        }
        if (logins.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(SET_LOGIN_KEY)) {
            for (String login : logins) {
                update.setString(1, loginKey(login));
                update.setString(2, login);
                update.executeUpdate();
            }
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
                String key = loginKey(patient.getKey());
                insert.setString(1, patient.getKey());
                insert.setString(2, key);
                insert.setString(3, patient.getValue());
                insert.setString(4, key);
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
