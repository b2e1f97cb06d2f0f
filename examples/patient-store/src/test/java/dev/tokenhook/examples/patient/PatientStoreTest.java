package dev.tokenhook.examples.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientStoreTest {

    private static PooledPatientStore pooled;
    private static PatientStore store;

    @BeforeAll
    static void openSeededDatabase() {
        pooled = TestDatabases.freshSeededStore();
        store = pooled.store();
    }

    @AfterAll
    static void closePool() {
        pooled.close();
    }

    @ParameterizedTest
    @CsvSource({
        "isaac.brock@example.com, 1234",
        "jane.roe@example.com, 5678",
        "maria.garcia@example.com, 9012"
    })
    void findsEachSeedPatient(String login, String patientId) {
        assertThat(store.patientIdFor(login)).contains(patientId);
    }

    @ParameterizedTest
    @CsvSource({
        "ISAAC.BROCK@EXAMPLE.COM, 1234",
        "Jane.Roe@Example.com, 5678",
        "maria.GARCIA@example.COM, 9012"
    })
    void matchesLoginsIgnoringCase(String login, String patientId) {
        assertThat(store.patientIdFor(login)).contains(patientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"john.doe@example.com", "isaac.brock@example.org", "isaac.brock", "", "   ", "%", "' OR '1'='1"})
    void unknownLoginsHaveNoPatientId(String login) {
        assertThat(store.patientIdFor(login)).isEmpty();
    }

    @Test
    void laterRowsCanBeAddedAndFound() {
        assertThat(PatientSchema.insertIfAbsent(pooled.dataSource(),
                java.util.Map.of("Walter.Bishop@Example.com", "3456"))).isEqualTo(1);
        assertThat(store.patientIdFor("walter.bishop@example.com")).contains("3456");
    }

    @Test
    void rejectsQueryTimeoutsJdbcCannotExpress() {
        assertThatThrownBy(() -> new PatientStore(pooled.dataSource(), Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatientStore(pooled.dataSource(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedLookupNamesNeitherLoginNorPatient() {
        try (PooledPatientStore empty = PatientStores.pooled(TestDatabases.freshH2Url(), "sa", "")) {
            assertThatThrownBy(() -> empty.store().patientIdFor("isaac.brock@example.com"))
                    .isInstanceOf(PatientStoreException.class)
                    .hasMessageStartingWith("Patient lookup failed (SQLState ")
                    .hasMessageNotContaining("isaac");
        }
    }

    @Test
    void aDriverThatCannotBoundReadsStillLooksUp() {
        PatientStore withoutNetworkTimeouts = new PatientStore(withoutNetworkTimeouts(pooled.dataSource()));

        assertThat(withoutNetworkTimeouts.patientIdFor("isaac.brock@example.com")).contains("1234");
    }

    /** The real database, through connections whose driver refuses {@code setNetworkTimeout}, as some do. */
    private static DataSource withoutNetworkTimeouts(DataSource real) {
        return forward(DataSource.class, real, (target, method, args) -> method.getName().equals("getConnection")
                ? forward(Connection.class, (Connection) method.invoke(target, args), (connection, call, callArgs) -> {
                    if (call.getName().equals("setNetworkTimeout")) {
                        throw new SQLFeatureNotSupportedException("setNetworkTimeout");
                    }
                    return call.invoke(connection, callArgs);
                })
                : method.invoke(target, args));
    }

    /** What a forwarding proxy does with one call to its target. */
    private interface Call<T> {
        Object on(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T forward(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
