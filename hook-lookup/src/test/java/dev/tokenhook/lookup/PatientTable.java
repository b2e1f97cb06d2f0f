package dev.tokenhook.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** A real table to look patient ids up in, through a fresh connection per call (no pool hides a stall). */
final class PatientTable implements LookupSource<String, String> {

    private final DataSource dataSource;

    PatientTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS patients (login VARCHAR(320) PRIMARY KEY, "
                    + "patient_id VARCHAR(64) NOT NULL)");
        }
    }

    void put(String login, String patientId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM patients WHERE login = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO patients VALUES (?, ?)")) {
            delete.setString(1, login);
            delete.executeUpdate();
            insert.setString(1, login);
            insert.setString(2, patientId);
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<String> find(String login) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT patient_id FROM patients WHERE login = ?")) {
            select.setString(1, login);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
