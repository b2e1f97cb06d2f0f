package dev.tokenhook.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * The app as shipped, its patient database a separate H2 server (TCP), frozen while patients keep signing in:
 * every call is answered well before Okta's 3 s, known patients keep {@code extPatientId}, a patient never seen
 * before gets no claim; after the thaw a change in the database shows once the cached id is past its freshness.
 */
class FrozenDatabaseTest {

    private static final String NAME = "frozen" + ProcessHandle.current().pid();

    @Test
    void knownPatientsKeepTheirClaimWhileTheDatabaseIsFrozen() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> properties = Map.of(
                "tokenhook.example.jdbc-url", "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + NAME,
                // Past its freshness at once: the freeze meets refreshes, the hard case, not fresh hits.
                "tokenhook.lookups.patients.fresh-for", "1ms",
                "tokenhook.lookups.patients.not-found-fresh-for", "1ms");
        ExecutorService okta = Executors.newFixedThreadPool(6);
        Server h2 = Server.createTcpServer("-tcpPort", Integer.toString(port)).start();
        try (Connection admin = DriverManager.getConnection("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=-1")) {
            JettyHookApp app = startWith(properties);
            try {
                OktaHookCaller caller = new OktaHookCaller(app.hookUri(), "Authorization", PatientRequests.SECRET);
                assertThat(caller.call(PatientRequests.signIn("warm", "isaac.brock@example.com")).bodyText())
                        .contains("\"1234\"");

                try (Statement freeze = admin.createStatement()) {
                    freeze.execute("SET EXCLUSIVE 1");
                    List<Future<HookCall>> calls = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        String login = i == 29 ? "jane.roe@example.com" : "isaac.brock@example.com";
                        String eventId = "frozen-" + i;
                        calls.add(okta.submit(() -> caller.call(PatientRequests.signIn(eventId, login))));
                    }
                    for (int i = 0; i < calls.size(); i++) {
                        HookCall call = calls.get(i).get(30, TimeUnit.SECONDS);
                        assertThat(call.status()).isEqualTo(200);
                        assertThat(call.elapsed()).isLessThan(Duration.ofMillis(2500));
                        assertThat(call.bodyText()).isEqualTo(i == 29 ? "{}"
                                : "{\"commands\":[{\"type\":\"com.okta.identity.patch\",\"value\":[{\"op\":\"add\","
                                        + "\"path\":\"/claims/extPatientId\",\"value\":\"1234\"}]}]}");
                    }
                    freeze.execute("SET EXCLUSIVE 0");
                    freeze.executeUpdate("UPDATE patients SET patient_id = '4321' WHERE login_key = 'isaac.brock@example.com'");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!caller.call(PatientRequests.signIn("thawed", "isaac.brock@example.com")).bodyText()
                        .contains("\"4321\"")) {
                    assertThat(System.nanoTime() - deadline).as("the change to show after the thaw").isNegative();
                    Thread.sleep(50);
                }
            } finally {
                app.close();
            }
        } finally {
            okta.shutdownNow();
            h2.stop();
        }
    }

    /** The app reads its settings from system properties: set them for the start only. */
    private static JettyHookApp startWith(Map<String, String> properties) throws Exception {
        properties.forEach(System::setProperty);
        try {
            return JettyHookApp.start(0, PatientRequests.SECRET);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
